"""The application state machine: statuses, actions and the transition table.

Pure data and one function; no queries. Every state change of an application goes
through :func:`next_status`, called by the services under a row lock.

::

    draft ─submit─▶ submitted ─accept─▶ accepted ─start_review─▶ in_review ─approve─▶ approved
                     ▲    │                │                      │     │                │
            resubmit │    │ return   return│           send_to_   │     │ return         │ complete
                     │    ▼                ▼           second_    ▼     ▼                ▼
                     └─ returned ◀─────────┴─────────  review ─▶ second_review       completed
                                                                  │ approve (another person)
                                                                  ▼
                                                               approved
    reject    (with a reason): submitted | in_review | second_review ─▶ rejected
    withdraw  (by the applicant): any state before a decision ─▶ withdrawn
    final: completed, rejected, withdrawn (no exits)
"""

from __future__ import annotations

from django.db import models

from hrss.core.errors import InvalidTransition


class Status(models.TextChoices):
    DRAFT = "draft", "草稿"
    SUBMITTED = "submitted", "已提交"
    RETURNED = "returned", "待补正"
    ACCEPTED = "accepted", "已受理"
    IN_REVIEW = "in_review", "审核中"
    SECOND_REVIEW = "second_review", "待复核"
    APPROVED = "approved", "审核通过"
    REJECTED = "rejected", "不予批准"
    COMPLETED = "completed", "已办结"
    WITHDRAWN = "withdrawn", "已撤回"


class Action(models.TextChoices):
    CREATE = "create", "创建草稿"
    SUBMIT = "submit", "提交申请"
    RETURN = "return", "退回补正(一次性告知)"
    RESUBMIT = "resubmit", "补正后重新提交"
    ACCEPT = "accept", "受理"
    START_REVIEW = "start_review", "开始审核"
    SEND_TO_SECOND_REVIEW = "send_to_second_review", "提交复核"
    APPROVE = "approve", "审核通过"
    REJECT = "reject", "不予批准"
    COMPLETE = "complete", "办结"
    WITHDRAW = "withdraw", "撤回申请"


INITIAL = Status.DRAFT

S, A = Status, Action
TRANSITIONS: dict[tuple[Status, Action], Status] = {
    (S.DRAFT, A.SUBMIT): S.SUBMITTED,
    (S.DRAFT, A.WITHDRAW): S.WITHDRAWN,
    (S.SUBMITTED, A.RETURN): S.RETURNED,
    (S.SUBMITTED, A.ACCEPT): S.ACCEPTED,
    (S.SUBMITTED, A.REJECT): S.REJECTED,
    (S.SUBMITTED, A.WITHDRAW): S.WITHDRAWN,
    (S.RETURNED, A.RESUBMIT): S.SUBMITTED,
    (S.RETURNED, A.WITHDRAW): S.WITHDRAWN,
    (S.ACCEPTED, A.START_REVIEW): S.IN_REVIEW,
    (S.ACCEPTED, A.RETURN): S.RETURNED,
    (S.ACCEPTED, A.WITHDRAW): S.WITHDRAWN,
    (S.IN_REVIEW, A.SEND_TO_SECOND_REVIEW): S.SECOND_REVIEW,
    (S.IN_REVIEW, A.APPROVE): S.APPROVED,
    (S.IN_REVIEW, A.REJECT): S.REJECTED,
    (S.IN_REVIEW, A.RETURN): S.RETURNED,
    (S.IN_REVIEW, A.WITHDRAW): S.WITHDRAWN,
    (S.SECOND_REVIEW, A.APPROVE): S.APPROVED,
    (S.SECOND_REVIEW, A.REJECT): S.REJECTED,
    (S.SECOND_REVIEW, A.WITHDRAW): S.WITHDRAWN,
    (S.APPROVED, A.COMPLETE): S.COMPLETED,
}
del S, A

FINAL_STATES = frozenset({Status.COMPLETED, Status.REJECTED, Status.WITHDRAWN})
# The applicant's own actions; every other action is a caseworker's (or pre-review's).
APPLICANT_ACTIONS = frozenset({Action.SUBMIT, Action.RESUBMIT, Action.WITHDRAW})
STAFF_ACTIONS = frozenset(
    {
        Action.RETURN,
        Action.ACCEPT,
        Action.START_REVIEW,
        Action.SEND_TO_SECOND_REVIEW,
        Action.APPROVE,
        Action.REJECT,
        Action.COMPLETE,
    }
)
# The applicant may change materials only while the application is in their hands.
EDITABLE_STATES = frozenset({Status.DRAFT, Status.RETURNED})
# The legal time limit runs from acceptance until one of these is reached.
CLOCK_STOPS = FINAL_STATES


def next_status(status: str, action: str) -> Status:
    """The status after ``action`` in ``status``; ``InvalidTransition`` when not allowed."""
    try:
        return TRANSITIONS[(Status(status), Action(action))]
    except (KeyError, ValueError):
        raise InvalidTransition(
            "application.invalid_transition",
            "当前状态下不能进行此操作",
            extra={"status": str(status), "action": str(action)},
        ) from None


def allowed_actions(status: str) -> list[Action]:
    """Actions allowed in ``status``, in table order (for pages that draw buttons)."""
    return [a for (s, a) in TRANSITIONS if s == status]
