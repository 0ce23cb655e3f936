"""The card transition table, exhaustively (pure)."""

import pytest

from hrss.cards.workflow import (
    FINAL_STATUSES,
    TRANSITIONS,
    CardAction,
    CardStatus,
    allowed_actions,
    next_status,
)
from hrss.core.errors import InvalidTransition

TRANSITION_ACTIONS = [a for a in CardAction if a not in (CardAction.APPLY, CardAction.USE)]
ALL_PAIRS = [(s, a) for s in CardStatus for a in TRANSITION_ACTIONS]

EXPECTED = {
    ("applied", "send_to_production"): "in_production",
    ("in_production", "production_failed"): "applied",
    ("in_production", "issue"): "issued",
    ("issued", "activate"): "active",
    ("active", "report_temporary_loss"): "temporary_loss",
    ("temporary_loss", "cancel_temporary_loss"): "active",
    ("active", "report_loss"): "lost",
    ("temporary_loss", "report_loss"): "lost",
    ("lost", "replace"): "replaced",
    ("active", "replace"): "replaced",
    ("applied", "cancel"): "cancelled",
    ("in_production", "cancel"): "cancelled",
    ("issued", "cancel"): "cancelled",
    ("active", "cancel"): "cancelled",
    ("temporary_loss", "cancel"): "cancelled",
    ("lost", "cancel"): "cancelled",
}


def test_the_table_is_the_reviewed_one():
    assert {(str(s), str(a)): str(t) for (s, a), t in TRANSITIONS.items()} == EXPECTED


@pytest.mark.parametrize(("status", "action"), ALL_PAIRS, ids=lambda v: str(v))
def test_every_pair_is_allowed_or_refused(status, action):
    if (status, action) in EXPECTED:
        assert next_status(status, action) == EXPECTED[(status, action)]
    else:
        with pytest.raises(InvalidTransition) as caught:
            next_status(status, action)
        assert caught.value.code == "cards.invalid_transition"
        assert caught.value.status == 409


def test_final_states_have_no_exit_and_every_state_is_reachable():
    assert all(allowed_actions(s) == [] for s in FINAL_STATUSES)
    assert {CardStatus.APPLIED} | set(TRANSITIONS.values()) == set(CardStatus)


def test_refusal_names_the_state_and_the_action():
    with pytest.raises(InvalidTransition) as caught:
        next_status("lost", "cancel_temporary_loss")
    assert caught.value.message == "社会保障卡当前状态为“正式挂失”,不能办理“解除临时挂失”"
