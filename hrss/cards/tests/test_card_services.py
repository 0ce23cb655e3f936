"""Card services: the lifecycle, refusals, one card in use, replacement, cancellation."""

import re
from datetime import timedelta

import pytest
from django.db import IntegrityError, transaction

from conftest import SYSTEM
from hrss.audit.models import AuditEntry
from hrss.cards import selectors, services
from hrss.cards.models import Card, CardEvent
from hrss.cards.tests.helpers import active_card, issued_card
from hrss.core.errors import Conflict, DomainError, InvalidTransition, NotFound

pytestmark = pytest.mark.django_db


def test_apply_assigns_a_9_character_number_in_the_persons_district(person_zhang):
    card = services.card_apply(actor=SYSTEM, person=person_zhang)
    assert re.fullmatch(r"[A-HJ-NP-Z][0-9]{8}", card.card_number)
    assert (card.status, card.issuing_region) == ("applied", "420106")
    event = CardEvent.objects.get(card=card)
    assert (event.from_status, event.to_status, event.action) == ("", "applied", "apply")
    assert AuditEntry.objects.get(action="card.apply").person_id == person_zhang.pk


def test_the_whole_lifecycle_writes_the_trail(person_zhang):
    card = active_card(person_zhang)
    services.card_report_temporary_loss(actor=SYSTEM, person=person_zhang, channel="12333")
    services.card_cancel_temporary_loss(actor=SYSTEM, person=person_zhang)
    services.card_report_temporary_loss(actor=SYSTEM, person=person_zhang)
    services.card_report_loss(actor=SYSTEM, person=person_zhang)
    new = services.card_replace(actor=SYSTEM, person=person_zhang, reason="遗失补卡")
    card.refresh_from_db()
    assert [(e.from_status, e.to_status) for e in selectors.card_timeline(card=card)] == [
        ("", "applied"),
        ("applied", "in_production"),
        ("in_production", "issued"),
        ("issued", "active"),
        ("active", "temporary_loss"),
        ("temporary_loss", "active"),
        ("active", "temporary_loss"),
        ("temporary_loss", "lost"),
        ("lost", "replaced"),
    ]
    assert card.status == "replaced"
    assert (new.status, new.replaces_id, new.issuing_region) == ("applied", card.pk, "420106")
    assert new.card_number != card.card_number
    assert AuditEntry.objects.filter(action__startswith="card.").count() == 12


def test_an_active_card_can_be_exchanged(person_zhang):
    old = active_card(person_zhang)
    new = services.card_replace(actor=SYSTEM, person=person_zhang, reason="卡面损坏")
    old.refresh_from_db()
    assert (old.status, new.status, new.replaces_id) == ("replaced", "applied", old.pk)


def test_forbidden_steps_are_refused(person_zhang):
    card = services.card_apply(actor=SYSTEM, person=person_zhang)
    # no card in a state that can be activated
    with pytest.raises(NotFound) as caught:
        services.card_activate(actor=SYSTEM, person=person_zhang)
    assert caught.value.code == "cards.not_found"
    # naming the card: the workflow refuses
    with pytest.raises(InvalidTransition) as caught:
        services.card_activate(actor=SYSTEM, person=person_zhang, card_id=card.pk)
    assert caught.value.message == "社会保障卡当前状态为“已申领”,不能办理“启用”"
    card.refresh_from_db()
    assert card.status == "applied"
    assert CardEvent.objects.filter(card=card).count() == 1


def test_someone_elses_card_is_not_found(person_zhang, person_li):
    card = active_card(person_li)
    with pytest.raises(NotFound):
        services.card_report_loss(actor=SYSTEM, person=person_zhang, card_id=card.pk)


def test_one_card_in_use_is_enforced_by_the_service(person_zhang):
    active_card(person_zhang)
    with pytest.raises(Conflict) as caught:
        services.card_apply(actor=SYSTEM, person=person_zhang)
    assert caught.value.code == "cards.already_active"
    services.card_report_temporary_loss(actor=SYSTEM, person=person_zhang)
    with pytest.raises(Conflict) as caught:
        services.card_apply(actor=SYSTEM, person=person_zhang)
    assert caught.value.code == "cards.already_active"


def test_lost_and_pending_cards_point_to_the_right_service(person_zhang):
    services.card_apply(actor=SYSTEM, person=person_zhang)
    with pytest.raises(DomainError) as caught:
        services.card_apply(actor=SYSTEM, person=person_zhang)
    assert caught.value.code == "cards.application_pending"


def test_lost_card_needs_a_replacement_not_a_new_application(person_li):
    active_card(person_li)
    services.card_report_loss(actor=SYSTEM, person=person_li)
    with pytest.raises(DomainError) as caught:
        services.card_apply(actor=SYSTEM, person=person_li)
    assert caught.value.message == "您的社会保障卡已正式挂失,请办理补卡"


def test_activating_a_second_card_is_refused(person_zhang):
    active = active_card(person_zhang)
    second = Card.objects.create(
        person=person_zhang, card_number="B00000001", issuing_region="420106", status="issued"
    )
    with pytest.raises(Conflict) as caught:
        services.card_activate(actor=SYSTEM, person=person_zhang, card_id=second.pk)
    assert caught.value.code == "cards.already_active"
    assert active.status == "active"


def test_one_card_in_use_is_enforced_by_the_database(person_zhang):
    active_card(person_zhang)
    with pytest.raises(IntegrityError), transaction.atomic():
        Card.objects.create(
            person=person_zhang, card_number="C00000001", issuing_region="420106", status="active"
        )


def test_cancel_on_death_cancels_every_open_card(person_zhang):
    active_card(person_zhang)
    services.card_replace(actor=SYSTEM, person=person_zhang, reason="换卡")
    cancelled = services.card_cancel(actor=SYSTEM, person=person_zhang, reason="死亡注销")
    assert [c.status for c in cancelled] == ["cancelled"]
    assert sorted(Card.objects.values_list("status", flat=True)) == ["cancelled", "replaced"]
    assert services.card_cancel(actor=SYSTEM, person=person_zhang, reason="死亡注销") == []
    with pytest.raises(DomainError) as caught:
        services.card_cancel(actor=SYSTEM, person=person_zhang, reason=" ")
    assert caught.value.code == "cards.reason_required"


def test_use_is_recorded_on_active_cards_only(person_zhang):
    card = active_card(person_zhang)
    services.card_record_use(actor=SYSTEM, card=card, channel="hospital")
    until = card.created_at + timedelta(days=1)
    assert list(selectors.card_use_list(since=card.created_at, until=until)) == [
        CardEvent.objects.get(action="use")
    ]
    services.card_report_temporary_loss(actor=SYSTEM, person=person_zhang)
    card.refresh_from_db()
    with pytest.raises(DomainError) as caught:
        services.card_record_use(actor=SYSTEM, card=card, channel="bank")
    assert caught.value.code == "cards.not_usable"


def test_issued_card_carries_the_vendors_data(person_zhang):
    card = issued_card(person_zhang)
    assert card.status == "issued" and card.issued_on is not None
