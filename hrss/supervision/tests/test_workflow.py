"""The case state machine, exhaustively."""

from __future__ import annotations

import pytest

from hrss.core.errors import InvalidTransition
from hrss.supervision.workflow import (
    OPEN_STATUSES,
    TRANSITIONS,
    CaseAction,
    CaseStatus,
    allowed_actions,
    next_status,
)

S, A = CaseStatus, CaseAction
EXPECTED = {
    (S.NEW, A.ASSIGN): S.ASSIGNED,
    (S.ASSIGNED, A.ASSIGN): S.ASSIGNED,
    (S.ASSIGNED, A.START): S.INVESTIGATING,
    (S.INVESTIGATING, A.ASSIGN): S.INVESTIGATING,
    (S.INVESTIGATING, A.CONFIRM): S.CONFIRMED,
    (S.INVESTIGATING, A.DISMISS): S.DISMISSED,
    (S.CONFIRMED, A.RECOVER): S.RECOVERED,
    (S.RECOVERED, A.RECOVER): S.RECOVERED,
    (S.RECOVERED, A.CLOSE): S.CLOSED,
    (S.DISMISSED, A.CLOSE): S.CLOSED,
}


@pytest.mark.parametrize("status", list(CaseStatus))
@pytest.mark.parametrize("action", list(CaseAction))
def test_every_status_and_action(status, action):
    if (status, action) in EXPECTED:
        assert next_status(status, action) == EXPECTED[(status, action)]
    else:
        with pytest.raises(InvalidTransition) as caught:
            next_status(status, action)
        assert caught.value.code == "supervision.invalid_transition"


def test_table_is_what_the_readme_draws():
    assert TRANSITIONS == EXPECTED


def test_closed_is_final_and_the_only_status_not_open():
    assert allowed_actions(S.CLOSED) == []
    assert set(CaseStatus) - set(OPEN_STATUSES) == {S.CLOSED}
    assert allowed_actions(S.NEW) == [A.ASSIGN]


def test_unknown_values_are_refused_not_crashed():
    with pytest.raises(InvalidTransition):
        next_status("nonsense", "assign")
