"""Service KPIs per item and district."""

from datetime import date, datetime
from decimal import Decimal

import pytest

from hrss.core import clock
from hrss.service_hall import services
from hrss.service_hall.selectors import service_kpis
from hrss.service_hall.tests.factories import approved, upload_all

pytestmark = pytest.mark.django_db


def at(m, d):
    return datetime(2025, m, d, 10, tzinfo=clock.SHANGHAI)


def complete(app, clerk):
    return services.application_complete(actor=clerk, application_id=app.pk, version=app.version)


def test_one_time_rate_handling_days_and_on_time_rate(zhang, clerk_wuchang, item):
    with clock.frozen(at(3, 3)):
        first = approved(zhang, clerk_wuchang, item)
    with clock.frozen(at(3, 5)):
        complete(first, clerk_wuchang)  # 2 working days, on time

    with clock.frozen(at(3, 3)):
        second = services.application_create_draft(actor=zhang, item_code=item.code)
        second = services.application_submit(
            actor=zhang, application_id=second.pk, version=second.version, idempotency_key="z"
        )  # returned by pre-review: not 一次办好
        upload_all(zhang, second)
        second = services.application_resubmit(
            actor=zhang, application_id=second.pk, version=second.version
        )
        for step in (services.application_accept, services.application_start_review):
            second = step(actor=clerk_wuchang, application_id=second.pk, version=second.version)
        second = services.application_approve(
            actor=clerk_wuchang, application_id=second.pk, version=second.version
        )
    with clock.frozen(at(3, 17)):
        complete(second, clerk_wuchang)  # 10 working days: late (due 03-10)

    (kpi,) = service_kpis(since=date(2025, 3, 1), until=date(2025, 3, 31))

    assert (kpi.item_code, kpi.district, kpi.submitted, kpi.completed) == (
        item.code,
        "420106",
        2,
        2,
    )
    assert kpi.one_time_rate == Decimal("0.5000")
    assert kpi.online_rate == Decimal("1.0000")
    assert kpi.on_time_rate == Decimal("0.5000")
    assert kpi.handling_days == [2, 10]
    assert kpi.mean_days == Decimal("6.0") and kpi.p90_days == 10


def test_no_applications_no_rows_and_empty_rates(db):
    assert service_kpis(since=date(2025, 1, 1), until=date(2025, 12, 31)) == []
