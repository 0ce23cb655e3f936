"""Shared by the executor adapters and the condition checks: the applicant, the form,
facts one area needs from another, and the wording of a refusal."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from typing import Any

from hrss.core.errors import DomainError, ValidationFailed
from hrss.core.parsing import parse_date
from hrss.employment.selectors import is_registered_unemployed, unemployment_registration_on
from hrss.insurance.months import first_of_month
from hrss.insurance.pension import RetirementCategory, statutory_retirement
from hrss.registry.models import Gender, Person
from hrss.service_hall.models import Application

TRUE_WORDS = frozenset({"1", "true", "yes", "on", "是"})
CARD_CHANNEL = "service_hall"  # how card events done through the hall are labelled


def applicant_person(application: Application) -> Person:
    """The person a person item is for (``application.no_person_record`` without one)."""
    if application.person is None:
        raise DomainError("application.no_person_record", "未找到申请人的人员信息,请先办理人员登记")
    return application.person


def form_text(application: Application, key: str) -> str:
    """A form value as stripped text ('' when absent)."""
    value: Any = (application.form or {}).get(key)
    return "" if value is None else str(value).strip()


def form_flag(application: Application, key: str) -> bool:
    value: Any = (application.form or {}).get(key)
    return value is True or str(value).strip().lower() in TRUE_WORDS


def form_date(application: Application, key: str) -> date | None:
    text = form_text(application, key)
    return parse_date(text, field=key) if text else None


@contextmanager
def worded_refusal() -> Iterator[None]:
    """Re-raise an area's ``ValidationFailed`` with every reason in its message, so a page
    that shows only the message still shows each failed condition."""
    try:
        yield
    except ValidationFailed as failed:
        reasons = ";".join(e.message for e in failed.errors)
        raise ValidationFailed(failed.errors, message=f"{failed.message}:{reasons}") from failed


def statutory_retirement_month(person: Person) -> date:
    """The end of the legal working age, for the employment area (which may not import
    insurance, its peer). The registry does not say whether a woman's original age is
    55 or 50, so the later one (55 → 58) is used: no one within working age is refused."""
    category = (
        RetirementCategory.MALE if person.gender == Gender.MALE else RetirementCategory.FEMALE_CADRE
    )
    return statutory_retirement(birth_month=person.birth_date, category=category).month


def unemployment_benefit_start(person: Person, on: date) -> tuple[bool, date]:
    """(registered as unemployed on ``on``, the benefit's first month).

    社会保险法 第五十条: the benefit period counts from the day of the 失业登记, so the
    first month is the registration's month; without a registration, ``on``'s month.
    """
    registered = is_registered_unemployed(person=person, on=on)
    registration = unemployment_registration_on(person=person, on=on) if registered else None
    return registered, first_of_month(registration.registered_on if registration else on)
