"""Outbox notices → in-app messages and SMS, once, whoever runs the job how often."""

from datetime import date

import pytest

from conftest import SYSTEM
from hrss.audit.models import AuditEntry
from hrss.insurance.models import Notice
from hrss.insurance.notices import notice_add
from hrss.insurance.tests.helpers import make_person
from hrss.registry import services as registry_services
from hrss.service_hall.models import Notification
from hrss.service_hall.outbox import notice_title, outbox_deliver
from hrss.service_hall.tasks import outbox_deliver_task

pytestmark = pytest.mark.django_db


def stopped(person, key: str = "1") -> Notice:
    return notice_add(
        person_id=person.pk,
        topic="unemployment.stopped",
        message="因2026年05月重新就业,您的失业保险金自2026年06月起停止发放。",
        dedupe_key=f"unemployment.stopped:{key}",
    )


def test_each_notice_becomes_a_message_and_an_sms_once(
    django_capture_on_commit_callbacks, sms, zhang, person_zhang
):
    notice = stopped(person_zhang)
    with django_capture_on_commit_callbacks(execute=True):
        first = outbox_deliver(actor=SYSTEM)
    with django_capture_on_commit_callbacks(execute=True):
        second = outbox_deliver(actor=SYSTEM)

    assert (first.notices, first.notifications, first.sms) == (1, 1, 1)
    assert (second.notices, second.notifications, second.sms) == (0, 0, 0)
    message = Notification.objects.get()
    assert (message.recipient, message.application, message.title) == (
        zhang,
        None,
        "失业保险金已停发",
    )
    assert message.body == notice.message
    assert sms == [("13812341234", "notice_unemployment.stopped", {"topic": "失业保险金已停发"})]
    notice.refresh_from_db()
    assert notice.delivered_at is not None
    assert AuditEntry.objects.filter(action="notice.mark_delivered").count() == 1


def test_people_without_an_account_or_a_phone(django_capture_on_commit_callbacks, sms):
    with_phone = registry_services.person_update_contact(
        actor=SYSTEM,
        person=make_person(date(1980, 1, 1)),
        version=1,
        phone="13700001111",
        address="",
        residence_region="",
    )
    unreachable = make_person(date(1981, 1, 1))
    stopped(with_phone, "a")
    stopped(unreachable, "b")

    with django_capture_on_commit_callbacks(execute=True):
        result = outbox_deliver(actor=SYSTEM)

    assert (result.notices, result.notifications, result.sms, result.unreachable) == (2, 0, 1, 1)
    assert [s[0] for s in sms] == ["13700001111"]
    assert not Notice.objects.filter(delivered_at__isnull=True).exists()


def test_batches_continue_until_nothing_is_pending(zhang, person_zhang):
    for n in range(5):
        stopped(person_zhang, str(n))
    result = outbox_deliver(actor=SYSTEM, batch=2)
    assert (result.notices, result.notifications) == (5, 5)
    assert not Notice.objects.filter(delivered_at__isnull=True).exists()


def test_the_task_delivers(zhang, person_zhang):
    stopped(person_zhang)
    result = outbox_deliver_task.enqueue()
    assert result.return_value == {"notices": 1, "notifications": 1, "sms": 1}


def test_titles_of_every_topic():
    assert notice_title("certification.reminder") == "请办理养老金待遇资格认证"
    assert notice_title("something.new") == "社会保险通知"
