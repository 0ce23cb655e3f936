"""失业保险金: durations, conditions in citizen words, and the grant."""

from datetime import date
from decimal import Decimal

import pytest

from conftest import SYSTEM
from hrss.audit.models import AuditEntry
from hrss.core.errors import ValidationFailed
from hrss.insurance.models import UnemploymentBenefitClaim
from hrss.insurance.tests.helpers import make_employer, make_person, pay_months, set_param
from hrss.insurance.unemployment import (
    unemployment_benefit_grant,
    unemployment_eligibility,
    unemployment_entitlement,
)
from hrss.registry import services as registry_services


@pytest.mark.parametrize(
    ("contribution_months", "carried", "months"),
    [
        pytest.param(0, 0, 0, id="none_case"),
        pytest.param(11, 0, 0, id="just_under_1_year_case"),
        pytest.param(12, 0, 12, id="1_year_case"),
        pytest.param(59, 0, 12, id="just_under_5_years_case"),
        pytest.param(60, 0, 18, id="5_years_case"),
        pytest.param(119, 0, 18, id="just_under_10_years_case"),
        pytest.param(120, 0, 24, id="10_years_case"),
        pytest.param(400, 0, 24, id="long_record_case"),
        pytest.param(12, 6, 18, id="carried_added_case"),
        pytest.param(12, 12, 24, id="carried_up_to_the_cap_case"),
        pytest.param(60, 10, 24, id="carried_capped_at_24_case"),
        pytest.param(120, 5, 24, id="carried_nothing_left_case"),
        pytest.param(11, 10, 0, id="carried_needs_a_new_entitlement_case"),
    ],
)
def test_entitlement_months(contribution_months, carried, months):
    got = unemployment_entitlement(contribution_months=contribution_months, carried_months=carried)
    assert got.months == months
    assert got.months <= 24


def test_carried_part_is_reported():
    got = unemployment_entitlement(contribution_months=60, carried_months=10)
    assert (got.from_contributions, got.carried_over) == (18, 6)


@pytest.fixture
def laid_off(db):
    """A person whose 3-year job ended when the contract ran out (2025-03-31)."""
    person = make_person(date(1990, 5, 1))
    employer = make_employer()
    job = registry_services.employment_file(
        actor=SYSTEM, person=person, employer=employer, start_date="2022-04-01"
    )
    registry_services.employment_end(
        actor=SYSTEM, employment=job, end_date="2025-03-31", end_reason="contract_end"
    )
    pay_months(person, employer, date(2022, 4, 1), 36, insurance="unemployment")
    set_param("minimum_monthly_wage", "2210", region="420100", valid_from="2024-01-01")
    set_param("unemployment_benefit_ratio", "0.9", valid_from="2024-01-01")
    return person


@pytest.mark.django_db
def test_grant_creates_the_claim_with_months_and_amount(laid_off):
    claim = unemployment_benefit_grant(
        actor=SYSTEM, person=laid_off, start_month="2025-04", registered_unemployed=True
    )
    # 36 months of contributions → 12 months; 2210 × 0.9 = 1989.00 (武汉市 minimum wage)
    claim.refresh_from_db()
    assert (claim.months_granted, claim.monthly_amount, claim.status) == (
        12,
        Decimal("1989.00"),
        "active",
    )
    assert (claim.region, claim.contribution_months, claim.carried_months) == ("420106", 36, 0)
    assert AuditEntry.objects.filter(action="unemployment_benefit.grant").count() == 1


@pytest.mark.django_db
def test_every_failed_condition_is_named_in_citizen_words():
    # given: 9 months of contributions, the person resigned, no 失业登记
    person = make_person(date(1995, 1, 1))
    employer = make_employer()
    job = registry_services.employment_file(
        actor=SYSTEM, person=person, employer=employer, start_date="2024-06-01"
    )
    registry_services.employment_end(
        actor=SYSTEM, employment=job, end_date="2025-02-28", end_reason="resignation"
    )
    pay_months(person, employer, date(2024, 6, 1), 9, insurance="unemployment")
    # when
    with pytest.raises(ValidationFailed) as caught:
        unemployment_benefit_grant(
            actor=SYSTEM, person=person, start_month="2025-03", registered_unemployed=False
        )
    # then
    assert caught.value.message == "不符合领取失业保险金的条件"
    assert [(e.code, e.message) for e in caught.value.errors] == [
        ("insurance.unemployment_contribution_short", "失业保险缴费不满1年(已缴9个月)"),
        ("insurance.unemployment_voluntary", "非因本人意愿中断就业(最近一次离职原因为本人辞职)"),
        ("insurance.unemployment_not_registered", "未办理失业登记"),
    ]
    assert not UnemploymentBenefitClaim.objects.exists()


@pytest.mark.django_db
def test_still_employed_and_already_drawing_are_refused(laid_off):
    unemployment_benefit_grant(
        actor=SYSTEM, person=laid_off, start_month="2025-04", registered_unemployed=True
    )
    registry_services.employment_file(
        actor=SYSTEM, person=laid_off, employer=make_employer(), start_date="2025-04-20"
    )
    check = unemployment_eligibility(
        person=laid_off, start_month=date(2025, 5, 1), registered_unemployed=True
    )
    assert [p.message for p in check.problems] == [
        "非因本人意愿中断就业(目前仍在职)",
        "正在领取失业保险金(自2025-04起)",
    ]


@pytest.mark.django_db
def test_no_separation_on_record_is_named():
    person = make_person(date(1995, 1, 1))
    pay_months(person, None, date(2020, 1, 1), 24, insurance="unemployment")
    check = unemployment_eligibility(
        person=person, start_month=date(2025, 3, 1), registered_unemployed=True
    )
    assert [p.message for p in check.problems] == ["非因本人意愿中断就业(未找到离职备案)"]
