"""The monthly unemployment-benefit run: idempotent, stops on re-employment or death."""

from datetime import date
from decimal import Decimal

import pytest

from conftest import SYSTEM
from hrss.audit.models import AuditEntry
from hrss.insurance.models import BenefitPayment, Notice, UnemploymentBenefitClaim
from hrss.insurance.months import add_months
from hrss.insurance.tasks import unemployment_benefits_pay_month_task
from hrss.insurance.tests.helpers import make_employer, make_person, pay_months, set_param
from hrss.insurance.unemployment import unemployment_benefit_grant
from hrss.insurance.unemployment_payments import unemployment_benefits_pay_month
from hrss.registry import services as registry_services

pytestmark = pytest.mark.django_db


def lose_job(person, employer, start: str, end: str, months: int, first: date):
    job = registry_services.employment_file(
        actor=SYSTEM, person=person, employer=employer, start_date=start
    )
    registry_services.employment_end(
        actor=SYSTEM, employment=job, end_date=end, end_reason="dismissal"
    )
    pay_months(person, employer, first, months, insurance="unemployment")


@pytest.fixture
def old_employer():
    return make_employer(name="原单位")


@pytest.fixture
def claim(old_employer):
    """Dismissed on 2025-04-10 after 3 years; 12 months from 2025-04 at 1800.00."""
    set_param("minimum_monthly_wage", "2000", valid_from="2024-01-01")
    set_param("unemployment_benefit_ratio", "0.9", valid_from="2024-01-01")
    person = make_person(date(1990, 5, 1))
    # the old employer paid the month of separation (2025-04) too
    lose_job(person, old_employer, "2022-04-01", "2025-04-10", 37, date(2022, 4, 1))
    return unemployment_benefit_grant(
        actor=SYSTEM, person=person, start_month="2025-04", registered_unemployed=True
    )


def run(period: str):
    return unemployment_benefits_pay_month(actor=SYSTEM, period=period)


def test_one_payment_per_month_and_a_second_run_pays_nothing(claim):
    first, second = run("2025-04"), run("2025-04")
    assert (first.paid, first.already_paid, second.paid, second.already_paid) == (1, 0, 0, 1)
    payment = BenefitPayment.objects.get(person=claim.person)
    assert (payment.benefit, payment.period, payment.amount, payment.region) == (
        "unemployment",
        date(2025, 4, 1),
        Decimal("1800.00"),
        "420106",
    )
    assert first.stopped == []  # the old employer's April contribution is no re-employment
    assert AuditEntry.objects.filter(action="unemployment_benefit.pay_month").count() == 2


def test_claim_is_exhausted_after_the_granted_months(claim):
    for n in range(12):
        run(f"{add_months(date(2025, 4, 1), n):%Y-%m}")
    claim.refresh_from_db()
    assert claim.status == "exhausted"
    assert run("2026-04").paid == 0
    assert BenefitPayment.objects.filter(person=claim.person).count() == 12
    assert Notice.objects.get(topic="unemployment.exhausted").message == (
        "您的失业保险金12个月已全部领取完毕。"
    )


def test_new_employment_stops_the_claim_from_the_following_month(claim):
    run("2025-04")
    registry_services.employment_file(
        actor=SYSTEM, person=claim.person, employer=make_employer(), start_date="2025-05-12"
    )
    result = run("2025-05")
    # May is still paid (re-employed during May); the claim stops from June
    assert result.paid == 1
    [stop] = result.stopped
    assert (stop.reason, stop.stopped_from, stop.overpaid_periods) == (
        "reemployed",
        date(2025, 6, 1),
        [],
    )
    assert stop.message == "因2025年05月重新就业,您的失业保险金自2025年06月起停止发放。"
    claim.refresh_from_db()
    assert (claim.status, claim.stop_reason, claim.stopped_from) == (
        "stopped",
        "reemployed",
        date(2025, 6, 1),
    )
    assert Notice.objects.get(topic="unemployment.stopped").message == stop.message
    assert run("2025-06").paid == 0


def test_employer_contribution_found_late_reports_overpaid_months(claim):
    for month in ("2025-04", "2025-05", "2025-06", "2025-07"):
        run(month)
    # a new employer's contribution for 2025-06 arrives after the fact
    pay_months(claim.person, make_employer(name="新单位"), date(2025, 6, 1), 1)
    result = run("2025-08")
    [stop] = result.stopped
    assert (stop.stopped_from, stop.overpaid_periods) == (date(2025, 7, 1), [date(2025, 7, 1)])
    assert result.paid == 0
    notice = Notice.objects.get(topic="unemployment.stopped")
    assert notice.payload["overpaid"] == ["2025-07"]


def test_death_stops_the_claim(claim):
    registry_services.life_event_record(
        actor=SYSTEM,
        person=claim.person,
        event="death",
        event_date="2025-04-20",
        source="civil_affairs",
    )
    first, second = run("2025-04"), run("2025-05")
    assert first.paid == 1 and first.stopped[0].reason == "death"
    assert second.paid == 0
    claim.refresh_from_db()
    assert (claim.status, claim.stopped_from) == ("stopped", date(2025, 5, 1))


def test_unused_months_are_carried_to_the_next_claim_up_to_24(claim, old_employer):
    # given: 3 months drawn, then re-employed in 2025-07 for 6 years
    for month in ("2025-04", "2025-05", "2025-06"):
        run(month)
    new_employer = make_employer(name="新单位")
    lose_job(claim.person, new_employer, "2025-07-01", "2031-06-30", 72, date(2025, 7, 1))
    run("2025-07")
    # when: unemployed again
    again = unemployment_benefit_grant(
        actor=SYSTEM, person=claim.person, start_month="2031-07", registered_unemployed=True
    )
    # then: the contribution time restarts at the previous claim (73 months: the old
    # employer's 2025-04 payment was not counted before) → 18 months, plus 12 − 3 = 9
    # unused months, capped at 24 (so 6 of them are used)
    assert (again.months_granted, again.contribution_months, again.carried_months) == (24, 73, 6)


def test_the_task_wraps_the_run(claim):
    result = unemployment_benefits_pay_month_task.enqueue("2025-04")
    assert result.return_value == {
        "period": "2025-04",
        "paid": 1,
        "already_paid": 0,
        "stopped": [],
        "exhausted": [],
    }
    assert UnemploymentBenefitClaim.objects.get().status == "active"
