"""In-app messages and SMS about an application's progress (run by the task after commit)."""

from __future__ import annotations

from django.db import transaction

from hrss.core import clock
from hrss.core.actors import Actor
from hrss.registry.protection import reveal_phone
from hrss.service_hall.errors import NotificationNotFound
from hrss.service_hall.messages import template_for
from hrss.service_hall.models import ApplicationEvent, Notification
from hrss.service_hall.sms import get_sms_sender


def _send_sms(event: ApplicationEvent, template: str) -> None:
    person = event.application.person
    if person is None or not person.phone_enc:
        return
    phone = reveal_phone(bytes(person.phone_enc))
    get_sms_sender().send(
        phone=phone, template=template, params={"item": event.application.item.name}
    )


def notification_create_for_event(*, event_id: int) -> Notification | None:
    """The applicant's message about event ``event_id`` (once, however often it is called);
    an SMS goes out when the message is new and the person has a phone on file."""
    event = (
        ApplicationEvent.objects.select_related("application__item", "application__person")
        .filter(pk=event_id)
        .first()
    )
    template = template_for(event.action) if event else None
    if event is None or template is None:
        return None
    application = event.application
    title, body = template.render(item=application.item.name, note=event.note)
    with transaction.atomic():
        notification, created = Notification.objects.get_or_create(
            event=event,
            recipient_id=application.applicant_id,
            defaults={
                "application": application,
                "title": title[:100],
                "body": body,
                "created_at": clock.now(),
            },
        )
    if created:
        _send_sms(event, template.name)
    return notification


@transaction.atomic
def notification_mark_read(*, actor: Actor, notification_id: int) -> Notification:
    """Mark one of the actor's own messages read (others' messages: not found)."""
    notification = (
        Notification.objects.select_for_update()
        .filter(pk=notification_id, recipient_id=actor.pk)
        .first()
    )
    if notification is None or actor.pk is None:
        raise NotificationNotFound()
    if notification.read_at is None:
        notification.read_at = clock.now()
        notification.save(update_fields=["read_at"])
    return notification
