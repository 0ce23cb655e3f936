"""Time limits from acceptance in Chinese working days, paused while returned for correction."""

from datetime import date, datetime

import pytest

from hrss.core import clock
from hrss.core.models import CalendarDay
from hrss.service_hall import services
from hrss.service_hall.selectors import application_time_state
from hrss.service_hall.tests.factories import submitted, upload_all

pytestmark = pytest.mark.django_db


def at(y, m, d, hour=10):
    return datetime(y, m, d, hour, tzinfo=clock.SHANGHAI)


def accept_on(moment, zhang, clerk, item):
    with clock.frozen(moment):
        app = submitted(zhang, item)
        return services.application_accept(actor=clerk, application_id=app.pk, version=app.version)


def test_accepted_before_national_day_is_due_after_it(zhang, clerk_wuchang, item):
    app = accept_on(at(2025, 9, 30), zhang, clerk_wuchang, item)  # limit: 5 working days
    assert app.due_date == date(2025, 10, 14)


def test_spring_festival_make_up_days_count(zhang, clerk_wuchang, item):
    app = accept_on(at(2025, 1, 24), zhang, clerk_wuchang, item)
    assert app.due_date == date(2025, 2, 7)  # 01-26 (Sun) and 01-27, then 02-05..02-07


def test_administrator_calendar_days_are_used(zhang, clerk_wuchang, item):
    CalendarDay.objects.create(day=date(2025, 3, 4), is_working_day=False, name="临时休假")
    app = accept_on(at(2025, 3, 3), zhang, clerk_wuchang, item)
    assert app.due_date == date(2025, 3, 11)  # 03-05, 06, 07, 10, 11


def test_a_return_pauses_the_clock_and_the_due_date_moves(zhang, clerk_wuchang, item):
    app = accept_on(at(2025, 3, 3), zhang, clerk_wuchang, item)
    assert app.due_date == date(2025, 3, 10)
    with clock.frozen(at(2025, 3, 4)):
        app = services.application_return(
            actor=clerk_wuchang, application_id=app.pk, version=app.version, notice=["补签名"]
        )
    assert app.clock_paused_on == date(2025, 3, 4)

    with clock.frozen(at(2025, 3, 7)):  # Wed, Thu, Fri spent waiting: 3 working days
        upload_all(zhang, app)
        app = services.application_resubmit(actor=zhang, application_id=app.pk, version=app.version)

    assert app.status == "submitted" and app.clock_paused_on is None
    assert app.paused_working_days == 3
    assert app.due_date == date(2025, 3, 13)
    with clock.frozen(at(2025, 3, 7, 11)):
        again = services.application_accept(
            actor=clerk_wuchang, application_id=app.pk, version=app.version
        )
    assert again.due_date == date(2025, 3, 13)  # a second acceptance does not restart it
    assert again.accepted_at == at(2025, 3, 3)


def test_a_return_before_acceptance_does_not_touch_the_clock(zhang, clerk_wuchang, item):
    with clock.frozen(at(2025, 3, 3)):
        app = submitted(zhang, item)
        app = services.application_return(
            actor=clerk_wuchang, application_id=app.pk, version=app.version, notice=["补签名"]
        )
    assert app.clock_paused_on is None and app.due_date is None


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (at(2025, 3, 4), "on_time"),  # due 03-10: 4 working days left
        (at(2025, 3, 6), "near_due"),  # 2 left
        (at(2025, 3, 10), "near_due"),  # due today
        (at(2025, 3, 11), "overdue"),
    ],
)
def test_time_state_follows_the_clock(zhang, clerk_wuchang, item, today, expected):
    app = accept_on(at(2025, 3, 3), zhang, clerk_wuchang, item)
    with clock.frozen(today):
        assert application_time_state(application=app) == expected


def test_time_state_while_returned_is_paused(zhang, clerk_wuchang, item):
    app = accept_on(at(2025, 3, 3), zhang, clerk_wuchang, item)
    with clock.frozen(at(2025, 3, 4)):
        app = services.application_return(
            actor=clerk_wuchang, application_id=app.pk, version=app.version, notice=["补签名"]
        )
    with clock.frozen(at(2025, 3, 20)):
        assert application_time_state(application=app) == "paused"
