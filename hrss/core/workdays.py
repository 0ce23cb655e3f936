"""Chinese working days, for legal time limits (办理时限).

Source of truth, in order:

1. days an administrator entered (:class:`hrss.core.models.CalendarDay`): a holiday
   or a make-up working day (调休上班). The State Council announces each year's
   schedule late in the year before, often before the library is updated;
2. the ``chinese_calendar`` package, for the years it covers;
3. otherwise Monday–Friday are working days.

So a year the library does not know yet never crashes: it falls back to weekends
plus what administrators entered.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta

import chinese_calendar

Overrides = Mapping[date, bool]  # date -> is a working day


def _library_says(day: date) -> bool | None:
    try:
        return bool(chinese_calendar.is_workday(day))
    except NotImplementedError:
        return None


def is_working_day(day: date, overrides: Overrides | None = None) -> bool:
    if overrides and day in overrides:
        return overrides[day]
    known = _library_says(day)
    if known is not None:
        return known
    return day.weekday() < 5


def add_working_days(start: date, days: int, overrides: Overrides | None = None) -> date:
    """The date ``days`` working days after ``start`` (``start`` itself not counted).

    A limit of 15 working days from acceptance on ``start`` ends on the returned
    date. ``days`` = 0 returns ``start``. Negative counts go backwards.
    """
    step = 1 if days >= 0 else -1
    remaining = abs(days)
    current = start
    while remaining:
        current += timedelta(days=step)
        if is_working_day(current, overrides):
            remaining -= 1
    return current


def working_days_between(start: date, end: date, overrides: Overrides | None = None) -> int:
    """Working days in ``(start, end]`` (negative when ``end`` is before ``start``)."""
    if end < start:
        return -working_days_between(end, start, overrides)
    count = 0
    current = start
    while current < end:
        current += timedelta(days=1)
        if is_working_day(current, overrides):
            count += 1
    return count


def is_covered_by_library(year: int) -> bool:
    return _library_says(date(year, 1, 2)) is not None
