"""Messages to the applicant, created after commit by a task; SMS logged masked."""

import logging

import pytest

from hrss.service_hall import services
from hrss.service_hall.errors import NotificationNotFound
from hrss.service_hall.models import Notification
from hrss.service_hall.selectors import notification_list
from hrss.service_hall.sms import LoggingSmsSender, get_sms_sender
from hrss.service_hall.tests.factories import draft, submitted

pytestmark = pytest.mark.django_db

SENT = []


class RecordingSender:
    def send(self, *, phone, template, params):
        SENT.append((phone, template, dict(params)))


def test_messages_are_created_only_after_commit(
    django_capture_on_commit_callbacks, zhang, clerk_wuchang, item
):
    app = submitted(zhang, item)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        services.application_accept(actor=clerk_wuchang, application_id=app.pk, version=app.version)
    assert len(callbacks) == 1 and not Notification.objects.exists()

    callbacks[0]()

    message = Notification.objects.get()
    assert message.recipient == zhang and message.application_id == app.pk
    assert message.title == "「测试事项」已受理"


def test_a_returned_application_carries_the_notice(django_capture_on_commit_callbacks, zhang, item):
    app = draft(zhang, item)
    with django_capture_on_commit_callbacks(execute=True):
        services.application_submit(
            actor=zhang, application_id=app.pk, version=app.version, idempotency_key="k"
        )
    message = Notification.objects.get()
    assert "1. 缺少材料:居民身份证" in message.body and "2. 缺少材料:申请表" in message.body


def test_the_sms_log_shows_only_a_masked_phone_and_the_template(
    django_capture_on_commit_callbacks, caplog, zhang, clerk_wuchang, item
):
    app = submitted(zhang, item)
    with (
        caplog.at_level(logging.INFO, logger="hrss.service_hall.sms"),
        django_capture_on_commit_callbacks(execute=True),
    ):
        services.application_accept(actor=clerk_wuchang, application_id=app.pk, version=app.version)
    assert [r.getMessage() for r in caplog.records if r.name == "hrss.service_hall.sms"] == [
        "sms template=application_accepted to=138****1234"
    ]
    assert "13812341234" not in caplog.text and "张伟" not in caplog.text


def test_the_sender_is_chosen_by_setting(settings, django_capture_on_commit_callbacks, zhang, item):
    assert isinstance(get_sms_sender(), LoggingSmsSender)
    settings.HRSS_SMS_SENDER = f"{__name__}.RecordingSender"
    SENT.clear()
    app = draft(zhang, item)
    with django_capture_on_commit_callbacks(execute=True):
        services.application_submit(
            actor=zhang, application_id=app.pk, version=app.version, idempotency_key="k"
        )
    assert SENT == [("13812341234", "application_returned", {"item": "测试事项"})]


def test_the_task_is_idempotent(django_capture_on_commit_callbacks, zhang, clerk_wuchang, item):
    app = submitted(zhang, item)
    with django_capture_on_commit_callbacks(execute=True):
        app = services.application_accept(
            actor=clerk_wuchang, application_id=app.pk, version=app.version
        )
    event = app.events.get(action="accept")

    again = services.notification_create_for_event(event_id=event.pk)

    assert Notification.objects.get() == again


def test_events_without_a_template_send_nothing(zhang, item):
    app = submitted(zhang, item)
    assert services.notification_create_for_event(event_id=app.events.last().pk) is None


def test_mark_read_only_my_own(django_capture_on_commit_callbacks, zhang, li, item):
    app = draft(zhang, item)
    with django_capture_on_commit_callbacks(execute=True):
        services.application_submit(
            actor=zhang, application_id=app.pk, version=app.version, idempotency_key="k"
        )
    message = Notification.objects.get()

    with pytest.raises(NotificationNotFound):
        services.notification_mark_read(actor=li, notification_id=message.pk)
    assert list(notification_list(actor=zhang, unread_only=True)) == [message]

    read = services.notification_mark_read(actor=zhang, notification_id=message.pk)

    assert read.read_at is not None
    assert list(notification_list(actor=zhang, unread_only=True)) == []
    assert list(notification_list(actor=li)) == []
