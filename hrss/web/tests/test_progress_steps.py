"""Progress steps are built from the event rows (pure function)."""

from __future__ import annotations

from datetime import UTC, datetime

from hrss.service_hall.models import ApplicationEvent
from hrss.service_hall.pages_progress import current_position, progress_steps

AT = datetime(2026, 3, 2, 1, 0, tzinfo=UTC)


def ev(action: str, from_status: str = "", to_status: str = "") -> ApplicationEvent:
    return ApplicationEvent(action=action, from_status=from_status, to_status=to_status, at=AT)


def states(status, timeline, second=False):
    steps = progress_steps(status=status, timeline=timeline, needs_second_review=second)
    return [(s.key, s.state) for s in steps], current_position(steps)


def test_a_draft_is_at_the_first_step():
    assert states("draft", [ev("create")]) == (
        [
            ("submit", "current"),
            ("accept", "todo"),
            ("review", "todo"),
            ("decide", "todo"),
            ("complete", "todo"),
        ],
        1,
    )


def test_submitted_waits_for_acceptance_with_the_submit_time():
    steps = progress_steps(
        status="submitted", timeline=[ev("create"), ev("submit")], needs_second_review=False
    )
    assert steps[0].state == "done" and steps[0].at == AT
    assert steps[1].state == "current" and steps[1].at is None


def test_second_review_adds_a_step():
    keys, position = states("second_review", [], second=True)
    assert [k for k, _ in keys] == ["submit", "accept", "review", "second", "decide", "complete"]
    assert position == 4


def test_completed_is_all_done():
    keys, position = states("completed", [])
    assert all(state == "done" for _, state in keys) and position == 5


def test_rejected_ends_at_the_decision():
    keys, position = states("rejected", [ev("reject", "in_review", "rejected")])
    assert keys[-1] == ("decide", "ended") and position == 4


def test_withdrawn_ends_where_it_was():
    keys, _ = states("withdrawn", [ev("submit"), ev("withdraw", "submitted", "withdrawn")])
    assert keys == [("submit", "done"), ("accept", "ended")]


def test_returned_is_back_with_the_applicant():
    keys, position = states("returned", [ev("submit"), ev("return")])
    assert keys[0] == ("submit", "current") and position == 1
