"""The transition table, exhaustively: every allowed move, every refused one, no dead ends."""

import itertools

import pytest

from hrss.core.errors import InvalidTransition
from hrss.service_hall.workflow import (
    APPLICANT_ACTIONS,
    FINAL_STATES,
    INITIAL,
    STAFF_ACTIONS,
    TRANSITIONS,
    Action,
    Status,
    allowed_actions,
    next_status,
)

EXPECTED = {
    ("draft", "submit"): "submitted",
    ("draft", "withdraw"): "withdrawn",
    ("submitted", "return"): "returned",
    ("submitted", "accept"): "accepted",
    ("submitted", "reject"): "rejected",
    ("submitted", "withdraw"): "withdrawn",
    ("returned", "resubmit"): "submitted",
    ("returned", "withdraw"): "withdrawn",
    ("accepted", "start_review"): "in_review",
    ("accepted", "return"): "returned",
    ("accepted", "withdraw"): "withdrawn",
    ("in_review", "send_to_second_review"): "second_review",
    ("in_review", "approve"): "approved",
    ("in_review", "reject"): "rejected",
    ("in_review", "return"): "returned",
    ("in_review", "withdraw"): "withdrawn",
    ("second_review", "approve"): "approved",
    ("second_review", "reject"): "rejected",
    ("second_review", "withdraw"): "withdrawn",
    ("approved", "complete"): "completed",
}
TABLE_ACTIONS = [a for a in Action if a != Action.CREATE]


def test_the_table_is_exactly_the_documented_one():
    assert {(s.value, a.value): t.value for (s, a), t in TRANSITIONS.items()} == EXPECTED


@pytest.mark.parametrize(("state", "action"), sorted(EXPECTED))
def test_every_allowed_transition(state, action):
    assert next_status(state, action) == EXPECTED[(state, action)]


FORBIDDEN = sorted(
    (s.value, a.value)
    for s, a in itertools.product(Status, Action)
    if (s.value, a.value) not in EXPECTED
)


@pytest.mark.parametrize(("state", "action"), FORBIDDEN)
def test_every_other_pair_is_refused(state, action):
    with pytest.raises(InvalidTransition) as refused:
        next_status(state, action)
    assert refused.value.code == "application.invalid_transition"
    assert refused.value.extra == {"status": state, "action": action}


def test_unknown_names_are_refused_the_same_way():
    with pytest.raises(InvalidTransition):
        next_status("nonsense", "submit")
    with pytest.raises(InvalidTransition):
        next_status("draft", "nonsense")


@pytest.mark.parametrize("state", sorted(FINAL_STATES))
def test_final_states_have_no_exit(state):
    assert allowed_actions(state) == []
    for action in Action:
        with pytest.raises(InvalidTransition):
            next_status(state, action)


def test_every_state_is_reachable_from_the_initial_one():
    reached, frontier = {INITIAL}, [INITIAL]
    while frontier:
        state = frontier.pop()
        for action in allowed_actions(state):
            target = next_status(state, action)
            if target not in reached:
                reached.add(target)
                frontier.append(target)
    assert reached == set(Status)


def test_every_non_final_state_can_reach_a_final_one():
    for state in set(Status) - FINAL_STATES:
        assert allowed_actions(state), state


def test_withdraw_is_possible_in_every_state_before_a_decision():
    undecided = {
        Status.DRAFT,
        Status.SUBMITTED,
        Status.RETURNED,
        Status.ACCEPTED,
        Status.IN_REVIEW,
        Status.SECOND_REVIEW,
    }
    assert {s for s in Status if Action.WITHDRAW in allowed_actions(s)} == undecided


def test_every_table_action_belongs_to_applicant_or_staff_never_both():
    assert set(TABLE_ACTIONS) == APPLICANT_ACTIONS | STAFF_ACTIONS
    assert not APPLICANT_ACTIONS & STAFF_ACTIONS
