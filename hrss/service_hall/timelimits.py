"""办理时限: legal time limits in Chinese working days, paused while an application is returned.

The clock starts on the day of acceptance (受理) and runs ``item.promised_limit_days``
working days (holidays and make-up working days from :mod:`hrss.core.workdays`, plus
what administrators entered). While an accepted application waits for the applicant
to supply materials (补正), the clock stops: on resubmission the due date moves by the
working days spent waiting.
"""

from __future__ import annotations

from datetime import date

from django.db import models

from hrss.core.workdays import Overrides, add_working_days, working_days_between
from hrss.service_hall.workflow import FINAL_STATES

NEAR_DUE_WORKING_DAYS = 2  # "near due": this many working days left, or fewer


class TimeState(models.TextChoices):
    NOT_STARTED = "not_started", "未受理"
    ON_TIME = "on_time", "正常"
    NEAR_DUE = "near_due", "即将到期"
    OVERDUE = "overdue", "已超期"
    PAUSED = "paused", "补正中(暂停计时)"
    FINISHED = "finished", "已结束"


def due_date_for(accepted_on: date, limit_days: int, overrides: Overrides | None = None) -> date:
    """The last day of a limit of ``limit_days`` working days from acceptance on ``accepted_on``."""
    return add_working_days(accepted_on, limit_days, overrides)


def pause_length(paused_on: date, resumed_on: date, overrides: Overrides | None = None) -> int:
    """Working days the clock stood still: those in ``(paused_on, resumed_on]``."""
    return max(working_days_between(paused_on, resumed_on, overrides), 0)


def time_state(
    *,
    status: str,
    due_date: date | None,
    paused: bool,
    today: date,
    overrides: Overrides | None = None,
    near_due: int = NEAR_DUE_WORKING_DAYS,
) -> TimeState:
    """Where an application stands against its limit on ``today``."""
    if status in FINAL_STATES:
        return TimeState.FINISHED
    if due_date is None:
        return TimeState.NOT_STARTED
    if paused:
        return TimeState.PAUSED
    if today > due_date:
        return TimeState.OVERDUE
    if working_days_between(today, due_date, overrides) <= near_due:
        return TimeState.NEAR_DUE
    return TimeState.ON_TIME
