"""Working days for legal time limits: library calendar, weekday fallback, overrides.

Every date below was checked against ``chinese_calendar`` 1.11 (which covers 2004–2026)
and the State Council's 2025 schedule; ``test_library_facts`` pins what is relied on.
"""

from __future__ import annotations

from datetime import date, timedelta

import chinese_calendar
import pytest
from hypothesis import given
from hypothesis import strategies as st

from hrss.core.workdays import (
    add_working_days,
    is_covered_by_library,
    is_working_day,
    working_days_between,
)

D = date

NATIONAL_DAY_2025 = [D(2025, 10, day) for day in range(1, 9)]
MAKE_UP_DAYS_2025 = [D(2025, 1, 26), D(2025, 2, 8), D(2025, 9, 28), D(2025, 10, 11)]


def test_library_facts() -> None:
    assert not any(chinese_calendar.is_workday(day) for day in NATIONAL_DAY_2025)
    assert all(chinese_calendar.is_workday(day) for day in MAKE_UP_DAYS_2025)
    assert [day.weekday() for day in MAKE_UP_DAYS_2025] == [6, 5, 6, 5]  # Sun Sat Sun Sat
    spring_festival = [D(2025, 1, 28) + timedelta(days=i) for i in range(8)]  # 1-28 .. 2-04
    assert not any(chinese_calendar.is_workday(day) for day in spring_festival)


def test_national_day_2025() -> None:
    assert add_working_days(D(2025, 9, 30), 1) == D(2025, 10, 9)
    assert add_working_days(D(2025, 9, 30), 2) == D(2025, 10, 10)
    # Saturday 11 October is a make-up working day (调休上班): it counts
    assert add_working_days(D(2025, 9, 30), 3) == D(2025, 10, 11)
    assert add_working_days(D(2025, 9, 30), 4) == D(2025, 10, 13)
    assert working_days_between(D(2025, 9, 30), D(2025, 10, 8)) == 0


def test_spring_festival_2025_with_make_up_days() -> None:
    assert is_working_day(D(2025, 1, 26))  # Sunday, make-up
    assert is_working_day(D(2025, 2, 8))  # Saturday, make-up
    assert not is_working_day(D(2025, 1, 25))  # ordinary Saturday
    assert not is_working_day(D(2025, 1, 29))  # 正月初一
    assert add_working_days(D(2025, 1, 24), 1) == D(2025, 1, 26)
    assert add_working_days(D(2025, 1, 24), 2) == D(2025, 1, 27)
    assert add_working_days(D(2025, 1, 24), 3) == D(2025, 2, 5)
    assert add_working_days(D(2025, 2, 7), 1) == D(2025, 2, 8)


def test_fifteen_working_days_across_a_holiday() -> None:
    # 10-09 10 11(Sat) 13 14 15 16 17 20 21 22 23 24 27 28
    assert add_working_days(D(2025, 9, 30), 15) == D(2025, 10, 28)
    # 1-26(Sun) 27, 2-05 06 07 08(Sat) 10 11 12 13 14 17 18 19 20
    assert add_working_days(D(2025, 1, 24), 15) == D(2025, 2, 20)
    assert working_days_between(D(2025, 1, 24), D(2025, 2, 20)) == 15


def test_zero_and_negative_counts() -> None:
    assert add_working_days(D(2025, 10, 1), 0) == D(2025, 10, 1)
    assert add_working_days(D(2025, 10, 9), -1) == D(2025, 9, 30)
    assert add_working_days(D(2025, 10, 12), -1) == D(2025, 10, 11)
    assert working_days_between(D(2025, 10, 9), D(2025, 9, 30)) == -1


def test_year_the_library_does_not_cover_falls_back_to_weekdays() -> None:
    assert is_covered_by_library(2025)
    assert not is_covered_by_library(2030)
    with pytest.raises(NotImplementedError):
        chinese_calendar.is_workday(D(2030, 10, 1))
    assert is_working_day(D(2030, 10, 1))  # a Tuesday; no schedule known yet
    assert not is_working_day(D(2030, 10, 5))  # Saturday
    assert add_working_days(D(2030, 10, 4), 1) == D(2030, 10, 7)  # Friday → Monday
    assert working_days_between(D(2030, 1, 1), D(2030, 12, 31)) == 260


def test_crossing_from_a_covered_into_an_uncovered_year_never_raises() -> None:
    last = max(year for year in range(2020, 2040) if is_covered_by_library(year))
    start = D(last, 12, 20)
    end = add_working_days(start, 30)
    assert end.year == last + 1
    assert working_days_between(start, end) == 30


def test_override_holiday_on_a_weekday() -> None:
    overrides = {D(2025, 10, 9): False}
    assert not is_working_day(D(2025, 10, 9), overrides)
    assert add_working_days(D(2025, 9, 30), 1, overrides) == D(2025, 10, 10)
    fallback_year = {D(2030, 10, day): False for day in range(1, 8)}
    assert add_working_days(D(2030, 9, 30), 1, fallback_year) == D(2030, 10, 8)


def test_override_make_up_saturday() -> None:
    assert add_working_days(D(2030, 10, 11), 1) == D(2030, 10, 14)
    overrides = {D(2030, 10, 12): True}  # Saturday
    assert is_working_day(D(2030, 10, 12), overrides)
    assert add_working_days(D(2030, 10, 11), 1, overrides) == D(2030, 10, 12)


def test_override_beats_the_library() -> None:
    overrides = {D(2025, 10, 11): False, D(2025, 10, 18): True}  # swap two Saturdays
    assert add_working_days(D(2025, 9, 30), 3, overrides) == D(2025, 10, 13)
    assert is_working_day(D(2025, 10, 18), overrides)
    assert not is_working_day(D(2025, 10, 18))


dates = st.dates(min_value=D(2002, 1, 1), max_value=D(2031, 12, 31))
overrides_strategy = st.dictionaries(dates, st.booleans(), max_size=20)


@given(dates, st.integers(min_value=0, max_value=40), overrides_strategy)
def test_forward_count_and_between_agree(start: date, days: int, overrides: dict) -> None:
    end = add_working_days(start, days, overrides)
    assert working_days_between(start, end, overrides) == days
    assert working_days_between(end, start, overrides) == -days
    if days:
        assert is_working_day(end, overrides)
        assert working_days_between(start, end - timedelta(days=1), overrides) == days - 1


@given(dates, st.integers(min_value=1, max_value=40), overrides_strategy)
def test_backward_count_lands_on_the_nth_working_day_before(
    start: date, days: int, overrides: dict
) -> None:
    earlier = add_working_days(start, -days, overrides)
    assert earlier < start
    assert is_working_day(earlier, overrides)
    # working days in [earlier, start) = those in (earlier - 1, start - 1]
    one = timedelta(days=1)
    assert working_days_between(earlier - one, start - one, overrides) == days
