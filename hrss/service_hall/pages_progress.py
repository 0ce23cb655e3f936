"""Progress as people see it: the steps of an application, built from its event rows.

Pure (no queries): the caller passes the timeline it already read. A step is done
when the application has moved past it, current where it is now, and to do after;
a refusal or a withdrawal ends the list where it happened.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from hrss.service_hall.models import ApplicationEvent
from hrss.service_hall.workflow import Action, Status

DONE, CURRENT, TODO, ENDED = "done", "current", "todo", "ended"
STATE_WORDS: dict[str, Promise] = {
    DONE: _("已完成"),
    CURRENT: _("进行中"),
    TODO: _("未开始"),
    ENDED: _("已终止"),
}


@dataclass(frozen=True)
class StepDef:
    key: str
    label: Promise
    actions: frozenset[str]


SUBMIT = StepDef("submit", _("提交申请"), frozenset({Action.SUBMIT, Action.RESUBMIT}))
ACCEPT = StepDef("accept", _("受理"), frozenset({Action.ACCEPT}))
REVIEW = StepDef("review", _("审核"), frozenset({Action.START_REVIEW}))
SECOND = StepDef("second", _("复核"), frozenset({Action.SEND_TO_SECOND_REVIEW}))
DECIDE = StepDef("decide", _("审批决定"), frozenset({Action.APPROVE, Action.REJECT}))
COMPLETE = StepDef("complete", _("办结"), frozenset({Action.COMPLETE}))

# Where each status stands: the key of the step in progress.
CURRENT_STEP: dict[str, str] = {
    Status.DRAFT: "submit",
    Status.RETURNED: "submit",
    Status.SUBMITTED: "accept",
    Status.ACCEPTED: "review",
    Status.IN_REVIEW: "review",
    Status.SECOND_REVIEW: "second",
    Status.APPROVED: "complete",
}


@dataclass(frozen=True)
class Step:
    key: str
    label: str
    state: str
    at: datetime | None

    @property
    def state_word(self) -> str:
        return str(STATE_WORDS[self.state])


def step_defs(needs_second_review: bool) -> list[StepDef]:
    middle = [REVIEW, SECOND] if needs_second_review else [REVIEW]
    return [SUBMIT, ACCEPT, *middle, DECIDE, COMPLETE]


def _last_at(timeline: Sequence[ApplicationEvent], actions: frozenset[str]) -> datetime | None:
    times = [e.at for e in timeline if e.action in actions]
    return times[-1] if times else None


def _ended_at(status: str, timeline: Sequence[ApplicationEvent], defs: list[StepDef]) -> int:
    """Index of the step where a rejected or withdrawn application stopped."""
    keys = [d.key for d in defs]
    if status == Status.REJECTED:
        return keys.index("decide")
    last_open = next(
        (e.from_status for e in reversed(timeline) if e.action == Action.WITHDRAW), Status.DRAFT
    )
    key = CURRENT_STEP.get(last_open, "submit")
    return keys.index(key) if key in keys else keys.index("review")


def progress_steps(
    *, status: str, timeline: Sequence[ApplicationEvent], needs_second_review: bool
) -> list[Step]:
    """The steps to show, each done / current / to do (or ended), with when it happened."""
    defs = step_defs(needs_second_review)
    keys = [d.key for d in defs]
    if status == Status.COMPLETED:
        current, final_state = len(defs), DONE
    elif status in (Status.REJECTED, Status.WITHDRAWN):
        current, final_state = _ended_at(status, timeline, defs), ENDED
        defs = defs[: current + 1]
    else:
        current, final_state = keys.index(CURRENT_STEP[status]), CURRENT
    steps = []
    for index, d in enumerate(defs):
        state = DONE if index < current else final_state if index == current else TODO
        at = _last_at(timeline, d.actions) if state in (DONE, ENDED) else None
        steps.append(Step(d.key, str(d.label), state, at))
    return steps


def current_position(steps: Sequence[Step]) -> int:
    """1-based number of the step in progress (all done: the last)."""
    for number, step in enumerate(steps, start=1):
        if step.state in (CURRENT, ENDED):
            return number
    return len(steps)
