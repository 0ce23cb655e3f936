"""失业登记 and 失业保险金 through the hall: from the application to the first monthly
payment, the stop on re-employment with the citizen told why, and every refusal in
words a citizen understands (with nothing written)."""

from datetime import date
from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import call_command

from conftest import SYSTEM
from hrss.audit.models import AuditEntry
from hrss.core.errors import ValidationFailed
from hrss.employment.models import EmploymentRegistration, EntrepreneurshipCard
from hrss.insurance.models import BenefitPayment, Notice, UnemploymentBenefitClaim
from hrss.insurance.tests.helpers import make_employer, pay_months, set_param
from hrss.registry import services as registry_services
from hrss.service_hall.models import Application, Notification
from hrss.service_hall.tests.executors.flow import (
    approve,
    at,
    notice_messages,
    submit,
    through_hall,
    to_decision,
)

pytestmark = pytest.mark.django_db

REGISTER, BENEFIT = "GG00401003", "JF00201001"


@pytest.fixture
def laid_off(person_zhang):
    """张伟: three years at one employer, contract ended 2026-03-31, all paid."""
    employer = make_employer(name="原单位")
    job = registry_services.employment_file(
        actor=SYSTEM, person=person_zhang, employer=employer, start_date="2023-04-01"
    )
    registry_services.employment_end(
        actor=SYSTEM, employment=job, end_date="2026-03-31", end_reason="contract_end"
    )
    pay_months(person_zhang, employer, date(2023, 4, 1), 36, insurance="unemployment")
    set_param("minimum_monthly_wage", "2210", region="420100", valid_from="2024-01-01")
    set_param("unemployment_benefit_ratio", "0.9", valid_from="2024-01-01")
    return person_zhang


def run_monthly(period: str) -> str:
    out = StringIO()
    call_command("run_monthly", period=period, stdout=out)
    return out.getvalue()


def test_from_application_to_the_first_payment_and_the_stop_on_reemployment(
    django_capture_on_commit_callbacks, sms, zhang, clerk_wuchang, laid_off
):
    # 失业登记 at the place of habitual residence: the first one issues the card
    with at("2026-04-10"):
        registered = through_hall(zhang, clerk_wuchang, REGISTER)
    assert registered.result == (
        "已办理失业登记:登记日期2026-04-10,登记地武昌区。"
        "首次登记,发放《就业创业证》,编号4201062026000001。"
    )
    assert EmploymentRegistration.objects.get(person=laid_off).kind == "unemployment"
    assert EntrepreneurshipCard.objects.get(person=laid_off).number == "4201062026000001"

    # 失业保险金: passes pre-review, the approval grants the claim
    with at("2026-04-13"):
        app = through_hall(zhang, clerk_wuchang, BENEFIT)
    claim = UnemploymentBenefitClaim.objects.get(person=laid_off)
    assert (claim.start_month, claim.months_granted, claim.monthly_amount) == (
        date(2026, 4, 1),
        12,
        Decimal("1989.00"),
    )
    assert app.status == "approved" and app.result == (
        "核定失业保险金:每月1989.00元,共12个月,自2026年04月起按月发放;重新就业的,自次月起停止发放。"
    )
    assert list(app.events.order_by("seq").values_list("action", flat=True)) == [
        "create",
        "submit",
        "accept",
        "start_review",
        "approve",
    ]
    assert app.events.get(action="approve").note == app.result
    grant = AuditEntry.objects.get(action="unemployment_benefit.grant")
    assert (grant.actor_id, grant.person_id) == (clerk_wuchang.pk, laid_off.pk)
    assert AuditEntry.objects.filter(action="application.approve", object_id=str(app.pk)).exists()

    # the first monthly payment
    with at("2026-04-30"):
        output = run_monthly("2026-04")
    assert "失业保险金发放 1 人" in output
    payment = BenefitPayment.objects.get(person=laid_off)
    assert (payment.period, payment.amount) == (date(2026, 4, 1), Decimal("1989.00"))

    # re-employed on 2026-05-20: May is paid, June on is not, and 张伟 is told why
    registry_services.employment_file(
        actor=SYSTEM,
        person=laid_off,
        employer=make_employer(name="新单位"),
        start_date="2026-05-20",
    )
    with at("2026-06-01"), django_capture_on_commit_callbacks(execute=True):
        output = run_monthly("2026-05")
    claim.refresh_from_db()
    assert (claim.status, claim.stop_reason, claim.stopped_from) == (
        "stopped",
        "reemployed",
        date(2026, 6, 1),
    )
    assert list(
        BenefitPayment.objects.filter(person=laid_off).values_list("period", flat=True)
    ) == [
        date(2026, 4, 1),
        date(2026, 5, 1),
    ]
    message = Notification.objects.get(recipient=zhang, application__isnull=True)
    assert message.title == "失业保险金已停发"
    assert message.body == "因2026年05月重新就业,您的失业保险金自2026年06月起停止发放。"
    assert sms[-1] == (
        "13812341234",
        "notice_unemployment.stopped",
        {"topic": "失业保险金已停发"},
    )
    assert Notice.objects.get(person=laid_off).delivered_at is not None
    registration = EmploymentRegistration.objects.get(person=laid_off)
    assert (registration.status, registration.ended_on) == ("ended", date(2026, 5, 20))
    assert "停发 1" in output and "送达通知 1 条" in output

    # a second run for the month pays nothing twice and tells nobody twice
    with at("2026-06-01"):
        run_monthly("2026-05")
    assert BenefitPayment.objects.filter(person=laid_off).count() == 2
    assert Notification.objects.filter(recipient=zhang, application__isnull=True).count() == 1


def test_unmet_conditions_return_the_application_in_citizen_words(zhang, person_zhang):
    # given: 9 months of contributions, 张伟 resigned, no 失业登记
    employer = make_employer()
    job = registry_services.employment_file(
        actor=SYSTEM, person=person_zhang, employer=employer, start_date="2025-06-01"
    )
    registry_services.employment_end(
        actor=SYSTEM, employment=job, end_date="2026-02-28", end_reason="resignation"
    )
    pay_months(person_zhang, employer, date(2025, 6, 1), 9, insurance="unemployment")
    # when
    with at("2026-03-16"):
        app = submit(zhang, BENEFIT)
    # then
    assert app.status == "returned"
    assert notice_messages(app) == [
        "失业保险缴费不满1年(已缴9个月)",
        "非因本人意愿中断就业(最近一次离职原因为本人辞职)",
        "未办理失业登记,请先在常住地办理“失业登记”后再申领",
    ]
    assert [d["code"] for d in app.events.get(action="return").detail] == [
        "condition.unemployment_contribution_short",
        "condition.unemployment_voluntary",
        "condition.unemployment_not_registered",
    ]
    assert not UnemploymentBenefitClaim.objects.exists()


def test_an_approval_the_records_no_longer_support_is_refused_and_writes_nothing(
    zhang, clerk_wuchang, laid_off
):
    with at("2026-04-10"):
        through_hall(zhang, clerk_wuchang, REGISTER)
        app = to_decision(submit(zhang, BENEFIT), clerk_wuchang)
    # before the decision, a new employer files a job that started on 2026-04-20
    registry_services.employment_file(
        actor=SYSTEM,
        person=laid_off,
        employer=make_employer(name="新单位"),
        start_date="2026-04-20",
    )
    audit_rows = AuditEntry.objects.count()

    with at("2026-04-22"), pytest.raises(ValidationFailed) as refused:
        approve(app, clerk_wuchang)

    assert refused.value.message == "不符合领取失业保险金的条件:未办理失业登记"
    assert [e.code for e in refused.value.errors] == ["insurance.unemployment_not_registered"]
    fresh = Application.objects.get(pk=app.pk)
    assert (fresh.status, fresh.version, fresh.result) == ("in_review", app.version, "")
    assert not fresh.events.filter(action="approve").exists()
    assert not UnemploymentBenefitClaim.objects.exists()
    assert AuditEntry.objects.count() == audit_rows


def test_registration_is_refused_at_pre_review_while_still_employed(zhang, person_zhang):
    registry_services.employment_file(
        actor=SYSTEM,
        person=person_zhang,
        employer=make_employer(name="在职单位"),
        start_date="2024-01-02",
    )
    with at("2026-04-10"):
        app = submit(zhang, REGISTER)
    assert app.status == "returned"
    assert notice_messages(app) == [
        "目前仍处于就业状态(在职单位自2024-01-02起的用工备案尚未办理离职)"
    ]
    assert not EmploymentRegistration.objects.exists()
