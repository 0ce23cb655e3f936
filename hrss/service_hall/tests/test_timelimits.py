"""Working-day limits across Chinese holidays (dates checked against chinese_calendar 2025)."""

from datetime import date

import chinese_calendar
import pytest

from hrss.service_hall.timelimits import TimeState, due_date_for, pause_length, time_state


def test_the_calendar_facts_these_tests_rely_on():
    # National Day 2025: 10-01..10-08 off; Sun 09-28 and Sat 10-11 are make-up working days.
    assert not any(chinese_calendar.is_workday(date(2025, 10, d)) for d in range(1, 9))
    assert chinese_calendar.is_workday(date(2025, 9, 28))
    assert chinese_calendar.is_workday(date(2025, 10, 11))
    # Spring Festival 2025: 01-28..02-04 off; Sun 01-26 and Sat 02-08 are make-up working days.
    assert not any(chinese_calendar.is_workday(date(2025, 1, d)) for d in range(28, 32))
    assert not any(chinese_calendar.is_workday(date(2025, 2, d)) for d in range(1, 5))
    assert chinese_calendar.is_workday(date(2025, 1, 26))
    assert chinese_calendar.is_workday(date(2025, 2, 8))


def test_national_day_five_working_days_from_september_30():
    # 10-09, 10-10, 10-11 (Saturday, make-up), 10-13, 10-14
    assert due_date_for(date(2025, 9, 30), 5) == date(2025, 10, 14)


def test_spring_festival_counts_the_sunday_make_up_day():
    # 01-26 (Sunday, make-up), 01-27, then 02-05, 02-06, 02-07
    assert due_date_for(date(2025, 1, 24), 5) == date(2025, 2, 7)


def test_spring_festival_saturday_make_up_day_is_a_working_day():
    assert due_date_for(date(2025, 2, 7), 1) == date(2025, 2, 8)


def test_an_instant_item_is_due_the_day_it_is_accepted():
    assert due_date_for(date(2025, 10, 1), 0) == date(2025, 10, 1)


def test_administrator_overrides_win():
    # an extra day off entered by an administrator pushes the due date by one working day
    assert due_date_for(date(2025, 3, 3), 1, {date(2025, 3, 4): False}) == date(2025, 3, 5)


def test_pause_counts_working_days_only():
    assert pause_length(date(2025, 9, 30), date(2025, 10, 9)) == 1  # holiday week counts once
    assert pause_length(date(2025, 3, 3), date(2025, 3, 3)) == 0


def state(today, due=date(2025, 3, 14), status="in_review", paused=False):
    return time_state(status=status, due_date=due, paused=paused, today=today)


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (date(2025, 3, 10), TimeState.ON_TIME),  # Monday: 4 working days left
        (date(2025, 3, 11), TimeState.ON_TIME),  # 3 left
        (date(2025, 3, 12), TimeState.NEAR_DUE),  # 2 left
        (date(2025, 3, 14), TimeState.NEAR_DUE),  # due today
        (date(2025, 3, 15), TimeState.OVERDUE),
    ],
)
def test_time_states(today, expected):
    assert state(today) == expected


def test_states_without_a_running_clock():
    assert state(date(2025, 3, 1), due=None, status="submitted") == TimeState.NOT_STARTED
    assert state(date(2025, 3, 20), paused=True, status="returned") == TimeState.PAUSED
    assert state(date(2025, 3, 20), status="completed") == TimeState.FINISHED


def test_near_due_threshold_is_a_parameter():
    assert (
        time_state(
            status="in_review",
            due_date=date(2025, 3, 14),
            paused=False,
            today=date(2025, 3, 11),
            near_due=3,
        )
        == TimeState.NEAR_DUE
    )
