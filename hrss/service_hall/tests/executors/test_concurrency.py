"""Races on PostgreSQL: parallel outbox workers deliver each notice once; parallel first
失业登记 in one region get distinct, gapless 《就业创业证》 numbers."""

from datetime import date

import pytest
from django.db import connection

from conftest import SYSTEM
from hrss.employment import services as employment_services
from hrss.employment.models import EntrepreneurshipCard
from hrss.insurance.models import Notice
from hrss.insurance.notices import notice_add
from hrss.insurance.tests.helpers import make_person
from hrss.service_hall.models import Notification
from hrss.service_hall.outbox import outbox_deliver
from hrss.service_hall.tests.executors.flow import at
from hrss.service_hall.tests.test_concurrency import race

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor == "sqlite", reason="needs concurrent writers"),
]


def test_parallel_workers_deliver_each_notice_once(zhang, person_zhang):
    for n in range(60):
        notice_add(
            person_id=person_zhang.pk,
            topic="certification.reminder",
            message="请办理待遇资格认证",
            dedupe_key=f"r:{n}",
        )

    results = race(6, lambda i: outbox_deliver(actor=SYSTEM, batch=7).notices)

    assert [r for r in results if isinstance(r, Exception)] == []
    assert sum(results) == 60
    assert Notification.objects.filter(recipient=zhang).count() == 60
    assert not Notice.objects.filter(delivered_at__isnull=True).exists()


def test_parallel_first_registrations_get_distinct_consecutive_numbers():
    people = [make_person(date(1980 + n, 1, 1)) for n in range(12)]

    def register(i):
        with at("2026-04-10"):
            return employment_services.unemployment_register(
                actor=SYSTEM, person=people[i], on=date(2026, 4, 10)
            ).card.number

    results = race(len(people), register)

    assert [r for r in results if isinstance(r, Exception)] == []
    assert sorted(results) == [f"4201062026{n:06d}" for n in range(1, 13)]
    assert EntrepreneurshipCard.objects.count() == 12
