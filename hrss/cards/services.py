"""Writes of the card lifecycle (see ``workflow``): one door per use case.

Each service, in one transaction, locks the card row, applies ``workflow.next_status``,
saves with ``update_fields``, writes a ``CardEvent`` and an audit row. One person, one
card in use: checked here (``cards.already_active``) and by the partial unique index.
The service hall's approvals call these with ``(*, actor, person, ...)``; ``card_id``
picks one card, otherwise the person's card in a status the action applies to.
The vendor exchange (``vendor``) and the e-card (``ecard``) are re-exported here.
Policy basis: 人社部发〔2016〕105号 (一人一卡) and 鄂人社发〔2017〕68号 (一卡通);
the lifecycle follows domain notes §1.4.
"""

from __future__ import annotations

from datetime import datetime

from django.db import transaction

from hrss.cards.ecard import ecard_qr_payload as ecard_qr_payload
from hrss.cards.ecard import ecard_verify as ecard_verify
from hrss.cards.errors import CardAlreadyActive, CardError, CardNotFound
from hrss.cards.models import CURRENT_STATUSES, Card, CardAction, CardEvent, CardStatus
from hrss.cards.numbers import card_number_new
from hrss.cards.transitions import card_audit, card_event_write, transition
from hrss.cards.vendor import card_batch_for_vendor as card_batch_for_vendor
from hrss.cards.vendor import card_import_vendor_result as card_import_vendor_result
from hrss.cards.workflow import FINAL_STATUSES, PENDING_STATUSES, statuses_allowing
from hrss.core import clock
from hrss.core.actors import Actor
from hrss.core.errors import DomainError
from hrss.registry.models import Person
from hrss.registry.selectors import region_checker


def _locked_card(person: Person, card_id: int | None, action: str) -> Card:
    qs = Card.objects.select_for_update().filter(person=person)
    if card_id is not None:
        card = qs.filter(pk=card_id).first()
    else:
        card = qs.filter(status__in=statuses_allowing(action)).order_by("-created_at").first()
    if card is None:
        raise CardNotFound()
    return card


def _check_no_other_card(person: Person, *, allow: Card | None = None) -> None:
    others = Card.objects.filter(person=person).exclude(status__in=FINAL_STATUSES)
    if allow is not None:
        others = others.exclude(pk=allow.pk)
    if others.filter(status__in=CURRENT_STATUSES).exists():
        raise CardAlreadyActive()
    if others.filter(status=CardStatus.LOST).exists():
        raise CardError("cards.replace_lost", "您的社会保障卡已正式挂失,请办理补卡")
    if others.filter(status__in=PENDING_STATUSES).exists():
        raise CardError("cards.application_pending", "您已有一张正在办理中的社会保障卡")


def _issuing_region(person: Person, issuing_region: str | None) -> str:
    region = (issuing_region or person.district).strip()
    if not region_checker()(region):
        raise DomainError("registry.unknown_region", f"发卡地“{region}”不是有效的行政区划代码")
    return region


def _new_card(actor: Actor, person: Person, region: str, note: str, replaces: Card | None) -> Card:
    card = Card.objects.create(
        person=person,
        card_number=card_number_new(issuing_region=region),
        issuing_region=region,
        status=CardStatus.APPLIED,
        replaces=replaces,
    )
    card_event_write(actor, card, "", CardAction.APPLY, note=note)
    card_audit(actor, card, CardAction.APPLY, card_number=card.card_number)
    return card


@transaction.atomic
def card_apply(
    *, actor: Actor, person: Person, issuing_region: str | None = None, note: str = ""
) -> Card:
    """申领: a first card. Refused while the person has a card in use
    (``cards.already_active``), a formally lost one (``cards.replace_lost``) or an
    application under way (``cards.application_pending``). The 9-char number is
    assigned now and goes to the vendor with the production batch."""
    person = Person.objects.select_for_update().get(pk=person.pk)
    _check_no_other_card(person)
    return _new_card(actor, person, _issuing_region(person, issuing_region), note, None)


@transaction.atomic
def card_activate(*, actor: Actor, person: Person, card_id: int | None = None) -> Card:
    """启用 an issued card; refused while another card of the person is in use."""
    card = _locked_card(person, card_id, CardAction.ACTIVATE)
    if Card.objects.filter(person=person, status__in=CURRENT_STATUSES).exclude(pk=card.pk).exists():
        raise CardAlreadyActive()
    return transition(actor=actor, card=card, action=CardAction.ACTIVATE)


@transaction.atomic
def card_report_temporary_loss(
    *, actor: Actor, person: Person, card_id: int | None = None, channel: str = ""
) -> Card:
    """临时挂失 (reversible; the card stays the person's card in use, but is blocked)."""
    card = _locked_card(person, card_id, CardAction.REPORT_TEMPORARY_LOSS)
    return transition(
        actor=actor, card=card, action=CardAction.REPORT_TEMPORARY_LOSS, channel=channel
    )


@transaction.atomic
def card_cancel_temporary_loss(
    *, actor: Actor, person: Person, card_id: int | None = None, channel: str = ""
) -> Card:
    """解除临时挂失."""
    card = _locked_card(person, card_id, CardAction.CANCEL_TEMPORARY_LOSS)
    return transition(
        actor=actor, card=card, action=CardAction.CANCEL_TEMPORARY_LOSS, channel=channel
    )


@transaction.atomic
def card_report_loss(
    *, actor: Actor, person: Person, card_id: int | None = None, channel: str = ""
) -> Card:
    """正式挂失 (from active or temporary loss): final for this card; next is 补卡."""
    card = _locked_card(person, card_id, CardAction.REPORT_LOSS)
    return transition(actor=actor, card=card, action=CardAction.REPORT_LOSS, channel=channel)


@transaction.atomic
def card_replace(
    *, actor: Actor, person: Person, card_id: int | None = None, reason: str = ""
) -> Card:
    """补换卡: the old card (lost, or active for 换卡) becomes ``replaced`` and a NEW card
    with a new number is applied for in the same issuing region. Returns the new card."""
    old = _locked_card(person, card_id, CardAction.REPLACE)
    transition(actor=actor, card=old, action=CardAction.REPLACE, note=reason)
    _check_no_other_card(person, allow=old)
    return _new_card(actor, person, old.issuing_region, reason or "补换卡", old)


@transaction.atomic
def card_cancel(
    *, actor: Actor, person: Person, reason: str, card_id: int | None = None
) -> list[Card]:
    """注销: ``card_id``, or every card of the person not yet final (e.g. on death)."""
    if not reason.strip():
        raise CardError("cards.reason_required", "请填写注销原因")
    if card_id is not None:
        cards = [_locked_card(person, card_id, CardAction.CANCEL)]
    else:
        cards = list(
            Card.objects.select_for_update()
            .filter(person=person)
            .exclude(status__in=FINAL_STATUSES)
            .order_by("pk")
        )
    return [
        transition(actor=actor, card=card, action=CardAction.CANCEL, note=reason.strip())
        for card in cards
    ]


def card_record_use(
    *, actor: Actor, card: Card, channel: str, at: datetime | None = None, note: str = ""
) -> CardEvent:
    """A use of the card (hospital, bank, transport, e-card scan ...): a trail row.

    Not audited one by one (it is a partner system's fact, not a change made here);
    refused for a card that is not active.
    """
    if card.status != CardStatus.ACTIVE:
        raise CardError("cards.not_usable", "该社会保障卡不在正常状态,不能使用")
    if not channel.strip():
        raise CardError("cards.channel_required", "请注明用卡渠道")
    return CardEvent.objects.create(
        card=card,
        from_status=card.status,
        to_status=card.status,
        action=CardAction.USE,
        channel=channel.strip()[:24],
        actor_name=actor.get_username(),
        actor_id=actor.pk,
        at=clock.localise(at) if at else clock.now(),
        note=note[:200],
    )
