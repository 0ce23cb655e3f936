"""Adapters to the cards area (社会保障卡 items).

Form key read: 补换 ``reason`` = ``lost`` (default) | ``stolen`` | ``damaged`` | ``expired``.
Lost or stolen (or a card already temporarily reported lost) is first reported lost
formally, then replaced (补卡); a damaged or expired card in use is exchanged (换卡).
"""

from __future__ import annotations

from hrss.cards import services
from hrss.cards.models import Card, CardStatus
from hrss.cards.selectors import card_current_for_person
from hrss.core.actors import Actor
from hrss.core.errors import DomainError
from hrss.core.regions import region_name
from hrss.service_hall.adapters.common import CARD_CHANNEL, applicant_person, form_text
from hrss.service_hall.models import Application

REPLACE_REASONS = {"lost": "遗失", "stolen": "被盗", "damaged": "损坏", "expired": "有效期满"}
LOSS_REASONS = frozenset({"lost", "stolen"})


def card_apply(*, actor: Actor, application: Application) -> str:
    """社会保障卡申领 → ``cards.services.card_apply`` (the number is assigned now)."""
    card = services.card_apply(
        actor=actor, person=applicant_person(application), note=f"办件编号{application.pk}"
    )
    return (
        f"社会保障卡申领已受理:卡号{card.card_number}(发卡地{region_name(card.issuing_region)}),"
        "已进入制卡流程,制卡完成后将通知您领卡并启用。"
    )


def _report_loss_first(actor: Actor, application: Application, reason: str) -> Card | None:
    """正式挂失 of the card in use when it is lost (or already temporarily reported lost)."""
    person = applicant_person(application)
    current = card_current_for_person(person=person)
    if current is None:
        return None
    if reason in LOSS_REASONS or current.status == CardStatus.TEMPORARY_LOSS:
        return services.card_report_loss(
            actor=actor, person=person, card_id=current.pk, channel=CARD_CHANNEL
        )
    return None


def card_replace(*, actor: Actor, application: Application) -> str:
    """社会保障卡补换 → ``cards.services.card_report_loss`` (when lost) + ``card_replace``."""
    reason = form_text(application, "reason") or "lost"
    if reason not in REPLACE_REASONS:
        raise DomainError(
            "application.form_invalid",
            "补换原因应为遗失(lost)、被盗(stolen)、损坏(damaged)或有效期满(expired)",
        )
    reported = _report_loss_first(actor, application, reason)
    new = services.card_replace(
        actor=actor,
        person=applicant_person(application),
        card_id=reported.pk if reported is not None else None,
        reason=f"{REPLACE_REASONS[reason]}补换(办件编号{application.pk})",
    )
    old = new.replaces
    assert old is not None  # card_replace always links the card it replaces
    loss = "已正式挂失并" if reported is not None else ""
    return (
        f"原社会保障卡(卡号{old.card_number}){loss}办理补换,原卡停止使用;"
        f"新卡号{new.card_number},已进入制卡流程,制卡完成后将通知您领卡。"
    )


def card_report_temporary_loss(*, actor: Actor, application: Application) -> str:
    """社会保障卡临时挂失 → ``cards.services.card_report_temporary_loss``."""
    card = services.card_report_temporary_loss(
        actor=actor, person=applicant_person(application), channel=CARD_CHANNEL
    )
    return (
        f"社会保障卡(卡号{card.card_number})已临时挂失,暂停使用;"
        "找回后可解除挂失,确认遗失请办理补换卡。"
    )


def card_activate(*, actor: Actor, application: Application) -> str:
    """社会保障卡启用 → ``cards.services.card_activate`` (the issued card)."""
    card = services.card_activate(actor=actor, person=applicant_person(application))
    return f"社会保障卡(卡号{card.card_number})已启用,可正常使用。"
