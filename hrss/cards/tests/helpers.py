"""Builders for card tests: a card taken through production to a given status."""

from __future__ import annotations

from conftest import SYSTEM
from hrss.cards import services, vendor


def issued_card(person):
    """Apply, send to production, and import the vendor's ``issued`` result."""
    card = services.card_apply(actor=SYSTEM, person=person)
    vendor.card_batch_for_vendor(actor=SYSTEM)
    content = (
        f"card_number,issuing_region,result\n{card.card_number},{card.issuing_region},issued\n"
    )
    vendor.card_import_vendor_result(actor=SYSTEM, content=content.encode())
    card.refresh_from_db()
    return card


def active_card(person):
    card = issued_card(person)
    return services.card_activate(actor=SYSTEM, person=person, card_id=card.pk)
