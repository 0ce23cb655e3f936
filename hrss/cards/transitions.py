"""The one way a card changes status: lock held by the caller, table, event, audit."""

from __future__ import annotations

from django.db import IntegrityError, transaction

from hrss.audit.services import audit_record
from hrss.cards.errors import CardAlreadyActive
from hrss.cards.models import Card, CardEvent
from hrss.cards.workflow import next_status
from hrss.core import clock
from hrss.core.actors import Actor


def card_event_write(
    actor: Actor, card: Card, old: str, action: str, *, channel: str = "", note: str = ""
) -> CardEvent:
    return CardEvent.objects.create(
        card=card,
        from_status=old,
        to_status=card.status,
        action=action,
        channel=channel,
        actor_name=actor.get_username(),
        actor_id=actor.pk,
        at=clock.now(),
        note=note[:200],
    )


def card_audit(actor: Actor, card: Card, action: str, **extra: str) -> None:
    audit_record(
        actor=actor,
        action=f"card.{action}",
        object_type="cards.card",
        object_id=card.pk,
        person_id=card.person_id,
        extra={"status": card.status, **extra},
    )


def _save(card: Card, fields: list[str]) -> None:
    """Save; the database's one-card-in-use index answers a race as a clear conflict."""
    try:
        with transaction.atomic():
            card.save(update_fields=fields)
    except IntegrityError:
        raise CardAlreadyActive() from None


def transition(
    *,
    actor: Actor,
    card: Card,
    action: str,
    channel: str = "",
    note: str = "",
    extra_fields: tuple[str, ...] = (),
) -> Card:
    """Apply ``action`` to a locked card: status, event row, audit row."""
    old = card.status
    card.status = next_status(old, action)
    _save(card, ["status", *extra_fields])
    card_event_write(actor, card, old, action, channel=channel, note=note)
    card_audit(actor, card, action)
    return card
