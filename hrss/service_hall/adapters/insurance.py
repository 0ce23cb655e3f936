"""Adapters to the insurance area (社会保险 items).

Form keys read: 退休 ``category`` (``male`` | ``female_cadre`` | ``female_worker``;
required for women), ``retirement_month`` (YYYY-MM, flexible retirement) and
``employer_agreed`` (later flexible retirement); 转移接续 ``from_region`` (required)
and ``to_region`` (default: the applicant's 管辖地, i.e. the new place where one applies).

The first pension month is ``PensionClaim.start_month`` = the month **after the
retirement month** (insurance's rule), not the month after the approval: a claim
approved late is owed from that month. 失业保险金 counts from the 失业登记 (社会保险法
第五十条), so its first month is the registration's month.
"""

from __future__ import annotations

from django.conf import settings
from django.utils.module_loading import import_string

from hrss.core import clock
from hrss.core.actors import Actor
from hrss.core.errors import DomainError
from hrss.core.regions import region_name
from hrss.insurance import services
from hrss.insurance.certification import LivenessProvider
from hrss.insurance.models import ParameterName
from hrss.insurance.months import add_months_to_day
from hrss.insurance.pension import RetirementCategory
from hrss.insurance.selectors import PROVINCE, parameter_value
from hrss.registry.models import Gender, Person
from hrss.service_hall.adapters.common import (
    applicant_person,
    form_flag,
    form_text,
    unemployment_benefit_start,
    worded_refusal,
)
from hrss.service_hall.models import Application

DEMO_LIVENESS = "hrss.insurance.certification.DemoLivenessProvider"


def unemployment_benefit_grant(*, actor: Actor, application: Application) -> str:
    """失业保险金申领 → ``insurance.services.unemployment_benefit_grant``, with
    ``registered_unemployed`` from ``employment.selectors.is_registered_unemployed``."""
    person = applicant_person(application)
    registered, start = unemployment_benefit_start(person, clock.today())
    with worded_refusal():
        claim = services.unemployment_benefit_grant(
            actor=actor, person=person, start_month=start, registered_unemployed=registered
        )
    return (
        f"核定失业保险金:每月{claim.monthly_amount}元,共{claim.months_granted}个月,"
        f"自{claim.start_month:%Y年%m月}起按月发放;重新就业的,自次月起停止发放。"
    )


def pension_category(application: Application, person: Person) -> str:
    """The retirement category: the form's, or ``male`` for a man."""
    category = form_text(application, "category")
    if category or person.gender != Gender.MALE:
        return category
    return RetirementCategory.MALE


CATEGORY_REQUIRED = DomainError(
    "application.category_required",
    "请在申请表中选择人员类别:女职工原法定退休年龄为55周岁或50周岁",
)


def pension_grant(*, actor: Actor, application: Application) -> str:
    """职工基本养老保险待遇申领 → ``insurance.services.pension_grant``."""
    person = applicant_person(application)
    category = pension_category(application, person)
    if not category:
        raise CATEGORY_REQUIRED
    with worded_refusal():
        claim = services.pension_grant(
            actor=actor,
            person=person,
            category=category,
            retirement_month=form_text(application, "retirement_month") or None,
            employer_agreed=form_flag(application, "employer_agreed"),
        )
    return (
        f"核定按月领取基本养老金:月基本养老金{claim.monthly_amount}元"
        f"(基础养老金{claim.basic_amount}元+个人账户养老金{claim.account_amount}元"
        f"+过渡性养老金{claim.transitional_amount}元);退休年月{claim.retirement_month:%Y年%m月},"
        f"自{claim.start_month:%Y年%m月}起按月发放。"
    )


def transfer_regions(application: Application, person: Person) -> tuple[str, str]:
    """(转出地, 转入地) from the form; the new place defaults to where one applies."""
    return form_text(application, "from_region"), form_text(application, "to_region") or (
        person.district
    )


FROM_REGION_REQUIRED = DomainError(
    "application.from_region_required", "请在申请表中填写原参保地(转出地)的行政区划代码"
)


def pension_transfer_apply(*, actor: Actor, application: Application) -> str:
    """养老保险关系转移接续申请 → ``insurance.services.pension_transfer_apply``."""
    person = applicant_person(application)
    from_region, to_region = transfer_regions(application, person)
    if not from_region:
        raise FROM_REGION_REQUIRED
    with worded_refusal():
        transfer = services.pension_transfer_apply(
            actor=actor, person=person, from_region=from_region, to_region=to_region
        )
    return (
        f"养老保险关系转移接续已受理:由{region_name(transfer.from_region)}"
        f"转入{region_name(transfer.to_region)}。转入地15个工作日内发出同意接收函,"
        "转出地15个工作日内转移关系和资金,全程不超过45个工作日。"
    )


def liveness_provider() -> LivenessProvider:
    """The face check named by ``HRSS_LIVENESS_PROVIDER`` (default: the demo, which passes
    everyone — a production installation must name its real provider)."""
    provider: LivenessProvider = import_string(
        getattr(settings, "HRSS_LIVENESS_PROVIDER", DEMO_LIVENESS)
    )()
    return provider


def certification_self(*, actor: Actor, application: Application) -> str:
    """待遇资格认证 → ``insurance.services.certification_self`` through the liveness check."""
    person = applicant_person(application)
    state = services.certification_self(actor=actor, person=person, provider=liveness_provider())
    certified = state.certified_on or clock.today()
    months = parameter_value(
        name=ParameterName.CERTIFICATION_VALID_MONTHS, region=PROVINCE, on=certified
    )
    due = add_months_to_day(certified, int(months))
    return (
        f"待遇资格认证已通过(认证日期{certified:%Y-%m-%d})。请于{due:%Y-%m-%d}前再次认证;"
        "其间有就医、用卡等记录的,系统将自动确认资格。"
    )
