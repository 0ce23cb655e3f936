"""Races on PostgreSQL: one Idempotency-Key, many parallel submissions; two caseworkers, one
version. (SQLite serialises writers anyway; these tests run in the PostgreSQL pass.)"""

import threading
from collections import Counter

import pytest
from django.db import connection

from hrss.core.errors import Conflict
from hrss.service_hall import services
from hrss.service_hall.models import Application, ApplicationEvent
from hrss.service_hall.tests.factories import draft, in_review, make_item, upload_all

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor == "sqlite", reason="needs concurrent writers"),
]
THREADS = 50


def race(count, work):
    """Run ``work(i)`` in ``count`` threads released together; return results or exceptions."""
    barrier = threading.Barrier(count)
    results = [None] * count

    def run(i):
        try:
            barrier.wait()
            results[i] = work(i)
        except Exception as exc:  # collected, and asserted by the caller
            results[i] = exc
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(count)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return results


def test_fifty_parallel_submissions_with_one_key_create_one_application(zhang):
    item = make_item("GG09910001")

    results = race(
        THREADS,
        lambda i: (
            services.application_submit_new(
                actor=zhang, item_code=item.code, idempotency_key="same-key", form={"n": 1}
            ).pk
        ),
    )

    assert [r for r in results if isinstance(r, Exception)] == []
    assert len(set(results)) == 1
    app = Application.objects.get()
    assert app.pk == results[0]
    assert ApplicationEvent.objects.filter(application=app, action="submit").count() == 1


def test_fifty_parallel_submissions_of_one_draft_submit_it_once(zhang):
    item = make_item("GG09911001")
    app = draft(zhang, item)
    upload_all(zhang, app)
    app.refresh_from_db()

    results = race(
        THREADS,
        lambda i: (
            services.application_submit(
                actor=zhang, application_id=app.pk, version=app.version, idempotency_key="k"
            ).status
        ),
    )

    assert Counter(results) == {"submitted": THREADS}
    assert ApplicationEvent.objects.filter(application=app, action="submit").count() == 1


def test_two_caseworkers_approving_the_same_version_one_wins(zhang, clerk_wuchang, clerk_wuchang_2):
    item = make_item("GG09912001")
    app = in_review(zhang, clerk_wuchang, item)
    clerks = [clerk_wuchang, clerk_wuchang_2]

    results = race(
        2,
        lambda i: (
            services.application_approve(
                actor=clerks[i], application_id=app.pk, version=app.version
            ).status
        ),
    )

    winners = [r for r in results if r == "approved"]
    losers = [r for r in results if isinstance(r, Conflict)]
    assert len(winners) == 1 and len(losers) == 1
    assert losers[0].code == "application.stale_version"
    assert ApplicationEvent.objects.filter(application=app, action="approve").count() == 1
