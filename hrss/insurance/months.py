"""Calendar-month arithmetic. A month is the ``date`` of its first day (as in the models)."""

from __future__ import annotations

from datetime import date


def month_index(day: date) -> int:
    """Months since year 0: 2025-01 → 24300. Differences of indexes count months."""
    return day.year * 12 + day.month - 1


def month_from_index(index: int) -> date:
    return date(index // 12, index % 12 + 1, 1)


def first_of_month(day: date) -> date:
    return day.replace(day=1)


def add_months(day: date, months: int) -> date:
    """The first day of the month ``months`` after (or before) the month of ``day``."""
    return month_from_index(month_index(day) + months)


def months_between(start: date, end: date) -> int:
    """Whole calendar months from the month of ``start`` to the month of ``end``."""
    return month_index(end) - month_index(start)


def years_months_text(months: int) -> str:
    """129 → "10年9个月"; 9 → "9个月"; 180 → "15年" (how agencies write durations)."""
    years, rest = divmod(months, 12)
    if not years:
        return f"{rest}个月"
    return f"{years}年{rest}个月" if rest else f"{years}年"


def add_months_to_day(day: date, months: int) -> date:
    """The same day ``months`` later, clamped to the month's end (2025-01-31 + 1 → 02-28)."""
    start = add_months(day, months)
    following = add_months(start, 1)
    last = (following - start).days
    return start.replace(day=min(day.day, last))
