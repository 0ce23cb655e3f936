"""pension_grant: the pension from the person's records, and every refusal in words."""

from datetime import date, datetime
from decimal import Decimal

import pytest

from conftest import SYSTEM
from hrss.audit.models import AuditEntry
from hrss.core import clock
from hrss.core.errors import DomainError, ValidationFailed
from hrss.insurance.models import (
    CertificationEvidence,
    PensionClaim,
    PensionerCertification,
)
from hrss.insurance.retirement import pension_grant
from hrss.insurance.tests.helpers import make_employer, make_person, pay_months, set_param
from hrss.registry import services as registry_services

pytestmark = pytest.mark.django_db


@pytest.fixture
def wages():
    set_param("average_monthly_wage", "5000", valid_from="2000-01-01")
    set_param("average_monthly_wage", "6250", valid_from="2020-01-01")


def at(day: str):
    return clock.frozen(datetime.fromisoformat(day + "T10:00:00+08:00"))


def test_pension_from_the_records_checked_by_hand(wages):
    # given: a man born 1965-06 (statutory month 2025-08 at 60y2m) who paid on a base of
    # 5000 from 2000-01 to 2025-07: 307 months, 400.00 a month to his personal account
    person = make_person(date(1965, 6, 10))
    pay_months(person, make_employer(), date(2000, 1, 1), 307)
    # when
    with at("2025-07-15"):
        claim = pension_grant(actor=SYSTEM, person=person, category="male")
    # then
    # Ī = (240 months × 5000/5000 + 67 months × 5000/6250) ÷ 307 = 293.6 ÷ 307 = 0.95635… → 0.9564
    # 基础 = 6250 × 1.9564 ÷ 2 × (307÷12) × 1 % = 1564.1010… → 1564.10
    # 个人账户 = 307 × 400.00 = 122800.00 ÷ 139 (60 岁) = 883.4532… → 883.45
    # 合计 = 2447.55
    assert claim.retirement_month == date(2025, 8, 1)
    assert claim.start_month == date(2025, 9, 1)
    assert (claim.basic_amount, claim.account_amount, claim.transitional_amount) == (
        Decimal("1564.10"),
        Decimal("883.45"),
        Decimal("0.00"),
    )
    assert claim.monthly_amount == Decimal("2447.55")
    steps = {s["key"]: s["value"] for s in claim.calculation}
    assert steps["average_index"] == "0.9564"
    assert steps["contribution_years"] == "25年7个月"
    assert steps["payment_months"] == "139"
    # and the first 12-month certification cycle starts at the grant
    state = PensionerCertification.objects.get(person=person)
    assert (state.status, state.certified_on) == ("certified", date(2025, 7, 15))
    assert CertificationEvidence.objects.filter(person=person, source="grant").count() == 1
    assert AuditEntry.objects.filter(action="pension.grant", person_id=person.pk).count() == 1


def test_short_contributions_are_refused_in_words(wages):
    # given: a woman worker born 1975-03 (statutory 2025-05) with 9 years of contributions
    person = make_person(date(1975, 3, 2), male=False)
    pay_months(person, make_employer(), date(2016, 5, 1), 108)
    # when
    with at("2025-04-20"), pytest.raises(ValidationFailed) as caught:
        pension_grant(actor=SYSTEM, person=person, category="female_worker")
    # then
    assert caught.value.message == "不符合按月领取基本养老金的条件"
    assert [(e.code, e.message) for e in caught.value.errors] == [
        ("insurance.pension_contribution_short", "累计缴费不满最低缴费年限(需15年,已缴9年)")
    ]
    assert not PensionClaim.objects.exists()


def test_early_flexible_retirement_below_the_original_age_is_refused(wages):
    # given: a man born 1966-01: original age 60 in 2026-01, statutory 2026-05
    person = make_person(date(1966, 1, 5))
    pay_months(person, make_employer(), date(2000, 1, 1), 300)
    with at("2025-12-10"), pytest.raises(ValidationFailed) as caught:
        pension_grant(actor=SYSTEM, person=person, category="male", retirement_month="2025-12")
    assert [e.message for e in caught.value.errors] == [
        "弹性提前退休不得低于原法定退休年龄60岁(即不早于2026-01)"
    ]


def test_early_flexible_retirement_within_the_rules_is_granted(wages):
    person = make_person(date(1966, 1, 5))
    pay_months(person, make_employer(), date(2000, 1, 1), 300)
    with at("2025-12-20"):
        claim = pension_grant(
            actor=SYSTEM, person=person, category="male", retirement_month="2026-01"
        )
    assert claim.retirement_month == date(2026, 1, 1)
    assert next(s for s in claim.calculation if s["key"] == "payment_months")["value"] == "139"


def test_every_other_refusal_is_listed_at_once(wages):
    # given: a man reported dead, already drawing a pension, asking two years ahead
    person = make_person(date(1965, 6, 10))
    pay_months(person, make_employer(), date(2000, 1, 1), 307)
    with at("2025-07-15"):
        pension_grant(actor=SYSTEM, person=person, category="male")
    registry_services.life_event_record(
        actor=SYSTEM, person=person, event="death", event_date="2025-10-01", source="civil_affairs"
    )
    with at("2025-07-15"), pytest.raises(ValidationFailed) as caught:
        pension_grant(
            actor=SYSTEM,
            person=person,
            category="male",
            retirement_month="2027-08",
            employer_agreed=True,
        )
    assert [e.message for e in caught.value.errors] == [
        "本人已死亡(2025-10-01),不能核定待遇",
        "已在领取基本养老金",
        "退休年月2027-08尚未到来(最早可在退休前1个月申请)",
    ]


def test_category_must_agree_with_gender(wages):
    person = make_person(date(1965, 6, 10))
    with pytest.raises(DomainError) as caught:
        pension_grant(actor=SYSTEM, person=person, category="female_worker")
    assert caught.value.code == "insurance.category_gender_mismatch"


def test_a_missing_average_wage_is_named():
    person = make_person(date(1965, 6, 10))
    pay_months(person, make_employer(), date(2000, 1, 1), 307)
    with at("2025-07-15"), pytest.raises(DomainError) as caught:
        pension_grant(actor=SYSTEM, person=person, category="male")
    assert caught.value.code == "insurance.parameter_missing"
    assert caught.value.message == "缺少2000-01适用的月平均工资,无法计算平均缴费指数"
