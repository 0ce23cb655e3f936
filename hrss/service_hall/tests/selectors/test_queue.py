"""The staff queue: my district, soonest due first, each with its time state."""

from datetime import datetime

import pytest

from hrss.audit.models import AuditEntry
from hrss.core import clock
from hrss.service_hall import services
from hrss.service_hall.selectors import application_queue
from hrss.service_hall.tests.factories import make_item, submitted

pytestmark = pytest.mark.django_db


def at(m, d):
    return datetime(2025, m, d, 10, tzinfo=clock.SHANGHAI)


def test_queue_orders_by_due_date_and_tells_the_time_state(zhang, li, clerk_wuchang, item):
    slow = make_item("GG09908001", promised_limit_days=15)
    with clock.frozen(at(3, 3)):
        late = submitted(zhang, slow, key="a")
        late = services.application_accept(
            actor=clerk_wuchang, application_id=late.pk, version=late.version
        )
        soon = submitted(zhang, item, key="b")
        soon = services.application_accept(
            actor=clerk_wuchang, application_id=soon.pk, version=soon.version
        )
        waiting = submitted(zhang, item, key="c")

    with clock.frozen(at(3, 7)):
        rows = application_queue(actor=clerk_wuchang)

    assert [(r.application.pk, r.time_state) for r in rows] == [
        (soon.pk, "near_due"),
        (late.pk, "on_time"),
        (waiting.pk, "not_started"),
    ]
    assert AuditEntry.objects.filter(action="application.queue", actor_id=clerk_wuchang.pk).exists()


def test_queue_filters(zhang, li, clerk_wuchang, clerk_xiangyang, item):
    other = make_item("GG09909001")
    mine = submitted(zhang, item)
    submitted(zhang, other, key="x")

    assert [r.application for r in application_queue(actor=clerk_wuchang, item_code=item.code)] == [
        mine
    ]
    assert application_queue(actor=clerk_xiangyang) == []
    assert application_queue(actor=clerk_wuchang, district="420600") == []
    assert application_queue(actor=clerk_wuchang, statuses=("accepted",)) == []
    assert application_queue(actor=zhang) == []
