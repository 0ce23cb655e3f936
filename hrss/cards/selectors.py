"""Reads of cards and their trail.

Callers obtain the Person through ``registry.selectors.access_person_*`` first (the
district rule and the audited read live there); these selectors add no rule.
"""

from __future__ import annotations

from datetime import datetime

from django.db.models import QuerySet

from hrss.cards.models import CURRENT_STATUSES, Card, CardAction, CardEvent
from hrss.registry.models import Person


def card_current_for_person(*, person: Person) -> Card | None:
    """The person's one card in use (active or temporarily lost), if any."""
    return Card.objects.filter(person=person, status__in=CURRENT_STATUSES).first()


def card_list_for_person(*, person: Person) -> QuerySet[Card]:
    return Card.objects.filter(person=person).order_by("-created_at", "-pk")


def card_timeline(*, card: Card) -> QuerySet[CardEvent]:
    """Progress and usage of one card, oldest first (申领进度查询)."""
    return card.events.order_by("at", "pk")


def card_use_list(*, since: datetime, until: datetime) -> QuerySet[CardEvent]:
    """Card uses in ``[since, until)`` with the holder, for a higher area's job that
    turns them into 待遇资格认证 evidence (cards may not import insurance)."""
    return (
        CardEvent.objects.filter(action=CardAction.USE, at__gte=since, at__lt=until)
        .select_related("card")
        .order_by("at", "pk")
    )
