"""Error codes of the employment area (``employment.<reason>``)."""

from __future__ import annotations

from hrss.core.errors import Conflict, DomainError


class EmploymentError(DomainError):
    default_code = "employment.invalid"
    default_message = "就业登记业务无法办理"


class RegistrationExists(Conflict):
    default_code = "employment.registration_exists"
    default_message = "已有有效的就业或失业登记"


class CardExists(Conflict):
    default_code = "employment.card_exists"
    default_message = "已领取《就业创业证》"
