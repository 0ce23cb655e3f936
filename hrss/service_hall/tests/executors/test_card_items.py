"""社会保障卡 items through the hall: apply, temporary loss, loss and replacement, activation."""

import pytest

from hrss.cards.models import Card
from hrss.cards.tests.helpers import active_card, issued_card
from hrss.core.errors import DomainError
from hrss.service_hall.tests.executors.flow import approve, at, submit, through_hall, to_decision

pytestmark = pytest.mark.django_db

APPLY, REPLACE, TEMPORARY_LOSS, ACTIVATE = "GG00301001", "GG00301002", "GG00301003", "GG00301004"


def test_apply_assigns_the_number_and_starts_production(zhang, clerk_wuchang, person_zhang):
    with at("2026-05-06"):
        app = through_hall(zhang, clerk_wuchang, APPLY)
    card = Card.objects.get(person=person_zhang)
    assert card.status == "applied" and card.issuing_region == "420106"
    assert app.result == (
        f"社会保障卡申领已受理:卡号{card.card_number}(发卡地武昌区),"
        "已进入制卡流程,制卡完成后将通知您领卡并启用。"
    )
    assert card.events.get().note == f"办件编号{app.pk}"


def test_a_card_reported_lost_is_replaced_with_a_new_number(zhang, clerk_wuchang, person_zhang):
    old = active_card(person_zhang)
    with at("2026-05-06"):
        lost = through_hall(zhang, clerk_wuchang, TEMPORARY_LOSS)
    old.refresh_from_db()
    assert old.status == "temporary_loss"
    assert lost.result == (
        f"社会保障卡(卡号{old.card_number})已临时挂失,暂停使用;找回后可解除挂失,确认遗失请办理补换卡。"
    )

    with at("2026-05-08"):
        app = through_hall(zhang, clerk_wuchang, REPLACE, {"reason": "lost"})

    old.refresh_from_db()
    new = Card.objects.get(replaces=old)
    assert old.status == "replaced" and new.status == "applied"
    assert new.card_number != old.card_number and new.issuing_region == old.issuing_region
    assert list(old.events.order_by("pk").values_list("action", "channel")) == [
        ("apply", ""),
        ("send_to_production", ""),
        ("issue", ""),
        ("activate", ""),
        ("report_temporary_loss", "service_hall"),
        ("report_loss", "service_hall"),
        ("replace", ""),
    ]
    assert app.result == (
        f"原社会保障卡(卡号{old.card_number})已正式挂失并办理补换,原卡停止使用;"
        f"新卡号{new.card_number},已进入制卡流程,制卡完成后将通知您领卡。"
    )


def test_a_damaged_card_is_exchanged_without_a_loss_report(zhang, clerk_wuchang, person_zhang):
    old = active_card(person_zhang)
    with at("2026-05-08"):
        app = through_hall(zhang, clerk_wuchang, REPLACE, {"reason": "damaged"})
    old.refresh_from_db()
    assert old.status == "replaced"
    assert not old.events.filter(action="report_loss").exists()
    assert app.result.startswith(f"原社会保障卡(卡号{old.card_number})办理补换")


def test_replacement_without_a_card_is_refused_and_writes_nothing(zhang, clerk_wuchang):
    with at("2026-05-08"):
        app = to_decision(submit(zhang, REPLACE), clerk_wuchang)
        with pytest.raises(DomainError) as refused:
            approve(app, clerk_wuchang)
    assert refused.value.message == "未找到可办理此业务的社会保障卡"
    assert not Card.objects.exists()


def test_an_issued_card_is_activated(zhang, clerk_wuchang, person_zhang):
    card = issued_card(person_zhang)
    with at("2026-05-08"):
        app = through_hall(zhang, clerk_wuchang, ACTIVATE)
    card.refresh_from_db()
    assert card.status == "active"
    assert app.result == f"社会保障卡(卡号{card.card_number})已启用,可正常使用。"
