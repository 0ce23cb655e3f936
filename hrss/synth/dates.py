"""Month arithmetic on integer month indices (``year * 12 + month - 1``).

Months are integers so that loops over 24 months × millions of persons stay cheap;
``month_text`` caches the ``YYYY-MM`` strings.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

ONE_DAY = timedelta(days=1)


def month_index(day: date) -> int:
    """The month index of ``day``."""
    return day.year * 12 + day.month - 1


def month_start(mi: int) -> date:
    """The first day of month ``mi``."""
    return date(mi // 12, mi % 12 + 1, 1)


def month_end(mi: int) -> date:
    """The last day of month ``mi``."""
    year, month = mi // 12, mi % 12 + 1
    return date(year, month, calendar.monthrange(year, month)[1])


@lru_cache(maxsize=4096)
def month_text(mi: int) -> str:
    """``YYYY-MM`` of month ``mi``."""
    return f"{mi // 12:04d}-{mi % 12 + 1:02d}"


@lru_cache(maxsize=4096)
def day_text(mi: int, day: int) -> str:
    """``YYYY-MM-DD`` of ``day`` in month ``mi`` (clipped to the month's length)."""
    last = month_end(mi).day
    return f"{month_text(mi)}-{min(day, last):02d}"


def add_months(day: date, months: int) -> date:
    """``day`` moved by ``months``, the day clipped to the target month's length."""
    mi = month_index(day) + months
    return month_start(mi).replace(day=min(day.day, month_end(mi).day))


def age_on(birth: date, day: date) -> int:
    """Completed years of age on ``day``."""
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


@dataclass(frozen=True, slots=True)
class Span:
    """The months the generator writes monthly records for, and the as-of date."""

    first: int
    last: int
    as_of: date

    @property
    def start(self) -> date:
        return month_start(self.first)

    def months(self, lo: int, hi: int) -> range:
        """Month indices of ``[lo, hi]`` that fall inside the span."""
        return range(max(lo, self.first), min(hi, self.last) + 1)


def span_for(as_of: date, months: int) -> Span:
    """The ``months`` complete months ending on or before ``as_of``."""
    last = month_index(as_of)
    if as_of != month_end(last):
        last -= 1
    return Span(first=last - months + 1, last=last, as_of=as_of)
