"""The insurance outbox: notices for a person that a higher area delivers.

Insurance must not import the service hall (layer order). Services here add a
``Notice`` row inside their own transaction; the hall's notification job reads
``notice_list_pending`` and calls ``notice_mark_delivered`` once sent.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.db import transaction
from django.db.models import QuerySet

from hrss.audit.services import audit_record
from hrss.core import clock
from hrss.core.actors import Actor
from hrss.insurance.models import Notice


def notice_add(
    *,
    person_id: int,
    topic: str,
    message: str,
    dedupe_key: str,
    payload: dict[str, Any] | None = None,
) -> Notice:
    """Add a notice once per ``dedupe_key`` (called inside the writer's transaction)."""
    notice, _ = Notice.objects.get_or_create(
        dedupe_key=dedupe_key,
        defaults={
            "person_id": person_id,
            "topic": topic,
            "message": message,
            "payload": payload or {},
            "created_at": clock.now(),
        },
    )
    return notice


def notice_list_pending(*, limit: int = 500) -> QuerySet[Notice]:
    """Notices not yet delivered, oldest first (uses the partial index)."""
    return Notice.objects.filter(delivered_at__isnull=True).order_by("created_at", "id")[:limit]


@transaction.atomic
def notice_mark_delivered(*, actor: Actor, notice_ids: Sequence[int]) -> int:
    """Mark notices as sent by the delivering area; returns how many were pending."""
    count = Notice.objects.filter(pk__in=notice_ids, delivered_at__isnull=True).update(
        delivered_at=clock.now()
    )
    audit_record(
        actor=actor,
        action="notice.mark_delivered",
        object_type="insurance.notice",
        extra={"count": count},
    )
    return count
