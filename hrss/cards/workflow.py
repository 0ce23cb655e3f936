"""Lifecycle of a social-security card (社会保障卡). Pure, no queries.

::

    applied -send_to_production-> in_production -issue-> issued -activate-> active
       ^                               |
       '------production_failed--------'
    active -report_temporary_loss-> temporary_loss -cancel_temporary_loss-> active
    active | temporary_loss -report_loss-> lost
    lost (补卡) | active (换卡) -replace-> replaced      (a NEW card, new number, is applied for)
    any state but replaced/cancelled -cancel-> cancelled  (death, emigration, ...)

``use`` is not a transition: it is a usage event (channel: hospital, bank, transport,
e-card ...), written to the same trail.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

from django.db import models

from hrss.core.errors import InvalidTransition


class CardStatus(models.TextChoices):
    APPLIED = "applied", "已申领"
    IN_PRODUCTION = "in_production", "制卡中"
    ISSUED = "issued", "已发放"
    ACTIVE = "active", "正常"
    TEMPORARY_LOSS = "temporary_loss", "临时挂失"
    LOST = "lost", "正式挂失"
    REPLACED = "replaced", "已补换"
    CANCELLED = "cancelled", "已注销"


class CardAction(models.TextChoices):
    APPLY = "apply", "申领"
    SEND_TO_PRODUCTION = "send_to_production", "送制卡"
    PRODUCTION_FAILED = "production_failed", "制卡失败"
    ISSUE = "issue", "发放"
    ACTIVATE = "activate", "启用"
    REPORT_TEMPORARY_LOSS = "report_temporary_loss", "临时挂失"
    CANCEL_TEMPORARY_LOSS = "cancel_temporary_loss", "解除临时挂失"
    REPORT_LOSS = "report_loss", "正式挂失"
    REPLACE = "replace", "补换卡"
    CANCEL = "cancel", "注销"
    USE = "use", "用卡"


S, A = CardStatus, CardAction
TRANSITIONS: Final[Mapping[tuple[str, str], str]] = {
    (S.APPLIED, A.SEND_TO_PRODUCTION): S.IN_PRODUCTION,
    (S.IN_PRODUCTION, A.PRODUCTION_FAILED): S.APPLIED,
    (S.IN_PRODUCTION, A.ISSUE): S.ISSUED,
    (S.ISSUED, A.ACTIVATE): S.ACTIVE,
    (S.ACTIVE, A.REPORT_TEMPORARY_LOSS): S.TEMPORARY_LOSS,
    (S.TEMPORARY_LOSS, A.CANCEL_TEMPORARY_LOSS): S.ACTIVE,
    (S.ACTIVE, A.REPORT_LOSS): S.LOST,
    (S.TEMPORARY_LOSS, A.REPORT_LOSS): S.LOST,
    (S.LOST, A.REPLACE): S.REPLACED,
    (S.ACTIVE, A.REPLACE): S.REPLACED,
    **{
        (status, A.CANCEL): S.CANCELLED
        for status in (S.APPLIED, S.IN_PRODUCTION, S.ISSUED, S.ACTIVE, S.TEMPORARY_LOSS, S.LOST)
    },
}

# The person's one card in use (临时挂失 is reversible, so it still counts).
CURRENT_STATUSES: Final = (CardStatus.ACTIVE, CardStatus.TEMPORARY_LOSS)
PENDING_STATUSES: Final = (CardStatus.APPLIED, CardStatus.IN_PRODUCTION, CardStatus.ISSUED)
FINAL_STATUSES: Final = frozenset({CardStatus.REPLACED, CardStatus.CANCELLED})


def next_status(current: str, action: str) -> CardStatus:
    """The status after ``action``; ``InvalidTransition`` (409) when not allowed."""
    try:
        return CardStatus(TRANSITIONS[(current, action)])
    except KeyError:
        label = CardStatus(current).label if current in CardStatus.values else current
        verb = CardAction(action).label if action in CardAction.values else action
        raise InvalidTransition(
            "cards.invalid_transition",
            f"社会保障卡当前状态为“{label}”,不能办理“{verb}”",
            extra={"status": current, "action": action},
        ) from None


def allowed_actions(current: str) -> list[CardAction]:
    return [CardAction(a) for (s, a) in TRANSITIONS if s == current]


def statuses_allowing(action: str) -> list[CardStatus]:
    """The statuses from which ``action`` is possible (to find the card it applies to)."""
    return [CardStatus(s) for (s, a) in TRANSITIONS if a == action]
