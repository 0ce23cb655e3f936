"""Reads of the in-app inbox (站内消息): a person sees only their own messages."""

from __future__ import annotations

from django.db.models import QuerySet

from hrss.core.actors import Actor
from hrss.service_hall.models import Notification

INBOX_LIMIT = 200


def notification_list(*, actor: Actor, unread_only: bool = False) -> QuerySet[Notification]:
    """The actor's messages, newest first."""
    if actor.pk is None:
        return Notification.objects.none()
    qs = Notification.objects.filter(recipient_id=actor.pk).order_by("-created_at", "-id")
    return qs.filter(read_at__isnull=True) if unread_only else qs
