"""Error codes of the cards area (``cards.<reason>``)."""

from __future__ import annotations

from hrss.core.errors import Conflict, DomainError, NotFound


class CardError(DomainError):
    default_code = "cards.invalid"
    default_message = "社会保障卡业务无法办理"


class CardAlreadyActive(Conflict):
    """One person, one card in use (also a partial unique index in the database)."""

    default_code = "cards.already_active"
    default_message = "您已有一张在用的社会保障卡,如需换卡请办理补换卡"


class CardNotFound(NotFound):
    default_code = "cards.not_found"
    default_message = "未找到可办理此业务的社会保障卡"
