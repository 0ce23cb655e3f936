"""The screening-case state machine, as data. Pure: no queries.

::

    new ─assign─▶ assigned ─start─▶ investigating ─confirm─▶ confirmed ─recover─▶ recovered
                  (assign)          (assign)      ─dismiss─▶ dismissed            (recover)
                                                                │                   │
                                                                └──close─▶ closed ◀─close

A case is *open* in every status but ``closed``: one open case per rule and
subject (a partial unique index), so a dismissed false positive is not reopened
by the next screening run until a supervisor closes it.
"""

from __future__ import annotations

from django.db import models

from hrss.core.errors import InvalidTransition


class CaseStatus(models.TextChoices):
    NEW = "new", "待分派"
    ASSIGNED = "assigned", "已分派"
    INVESTIGATING = "investigating", "核查中"
    CONFIRMED = "confirmed", "已确认违规"
    DISMISSED = "dismissed", "已排除"
    RECOVERED = "recovered", "已追回"
    CLOSED = "closed", "已结案"


class CaseAction(models.TextChoices):
    OPEN = "open", "筛查发现"
    ASSIGN = "assign", "分派"
    START = "start_investigation", "开始核查"
    CONFIRM = "confirm", "确认违规"
    DISMISS = "dismiss", "排除"
    RECOVER = "record_recovery", "登记追回"
    CLOSE = "close", "结案"


S, A = CaseStatus, CaseAction
TRANSITIONS: dict[tuple[str, str], CaseStatus] = {
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
OPEN_STATUSES = tuple(s for s in CaseStatus if s != CaseStatus.CLOSED)


def next_status(status: str, action: str) -> CaseStatus:
    """The status after ``action``, or :class:`InvalidTransition`."""
    found = TRANSITIONS.get((status, action))
    if found is None:
        raise InvalidTransition(
            "supervision.invalid_transition",
            f"案件处于“{_label(CaseStatus, status)}”状态,不能{_label(CaseAction, action)}",
            extra={"status": status, "action": action},
        )
    return found


def allowed_actions(status: str) -> list[CaseAction]:
    """Actions possible from ``status`` (for buttons on a case page)."""
    return [CaseAction(a) for (s, a) in TRANSITIONS if s == status]


def _label(choices: type[models.TextChoices], value: str) -> str:
    return str(choices(value).label) if value in choices.values else value
