"""Adapters to the employment area (就业创业 items).

Form keys read: 失业登记 ``region`` (optional, defaults to the 常住地); 就业登记
``start_date`` (YYYY-MM-DD, default today) and ``employer_uscc`` (optional: flexible
work and self-employment have none); 就业困难人员认定 ``reason`` (a ``HardshipReason``).
"""

from __future__ import annotations

from hrss.core import clock
from hrss.core.actors import Actor
from hrss.core.errors import DomainError
from hrss.core.regions import region_name
from hrss.employment import services
from hrss.employment.models import HardshipReason
from hrss.registry.models import Employer
from hrss.registry.selectors import employer_get_by_uscc
from hrss.service_hall.adapters.common import (
    applicant_person,
    form_date,
    form_text,
    statutory_retirement_month,
    worded_refusal,
)
from hrss.service_hall.models import Application


def unemployment_register(*, actor: Actor, application: Application) -> str:
    """失业登记 → ``employment.services.unemployment_register`` (today, at the 常住地)."""
    person = applicant_person(application)
    with worded_refusal():
        done = services.unemployment_register(
            actor=actor,
            person=person,
            on=clock.today(),
            region=form_text(application, "region") or None,
            retirement_month=statutory_retirement_month(person),
        )
    registration, card = done.registration, done.card
    text = (
        f"已办理失业登记:登记日期{registration.registered_on:%Y-%m-%d},"
        f"登记地{region_name(registration.region)}。"
    )
    if done.card_issued:
        return text + f"首次登记,发放《就业创业证》,编号{card.number}。"
    return text + f"您已持有《就业创业证》(编号{card.number}),不重复发放。"


def _employer(application: Application) -> Employer | None:
    uscc = form_text(application, "employer_uscc")
    if not uscc:
        return None
    employer = employer_get_by_uscc(uscc)
    if employer is None:
        raise DomainError(
            "application.employer_unknown", f"未找到统一社会信用代码为{uscc}的用人单位"
        )
    return employer


def employment_register(*, actor: Actor, application: Application) -> str:
    """就业登记 → ``employment.services.employment_register`` (ends a 失业登记)."""
    person = applicant_person(application)
    on = form_date(application, "start_date") or clock.today()
    employer = _employer(application)
    with worded_refusal():
        done = services.employment_register(actor=actor, person=person, on=on, employer=employer)
    where = f"就业单位{employer.name}" if employer else "灵活就业或自主创业"
    text = f"已办理就业登记:就业日期{on:%Y-%m-%d},{where}。"
    if done.ended is not None:
        text += f"原失业登记(登记日期{done.ended.registered_on:%Y-%m-%d})同时终止。"
    return text


def hard_to_employ_recognise(*, actor: Actor, application: Application) -> str:
    """就业困难人员认定 → ``employment.services.hard_to_employ_recognise``."""
    person = applicant_person(application)
    reason = form_text(application, "reason")
    with worded_refusal():
        tag = services.hard_to_employ_recognise(
            actor=actor, person=person, reason=reason, on=clock.today()
        )
    return (
        f"已认定为就业困难人员(情形:{HardshipReason(reason).label}),"
        f"自{tag.valid_from:%Y-%m-%d}起纳入就业援助范围。"
    )


def entrepreneurship_card_apply(*, actor: Actor, application: Application) -> str:
    """《就业创业证》申领 → ``employment.services.entrepreneurship_card_apply`` (once)."""
    card = services.entrepreneurship_card_apply(
        actor=actor, person=applicant_person(application), on=clock.today()
    )
    return f"已发放《就业创业证》,编号{card.number},发证日期{card.issued_on:%Y-%m-%d}。"
