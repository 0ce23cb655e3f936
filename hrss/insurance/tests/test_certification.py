"""待遇资格认证: silent renewal, reminder, suspension after the warning, resume, death."""

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

import pytest

from conftest import SYSTEM
from hrss.audit.models import AuditEntry
from hrss.core import clock
from hrss.core.errors import DomainError
from hrss.insurance import certification as cert
from hrss.insurance.models import (
    BenefitPayment,
    Notice,
    PensionClaim,
    PensionerCertification,
)
from hrss.insurance.tasks import certification_run_task
from hrss.insurance.tests.helpers import make_person
from hrss.registry import services as registry_services

pytestmark = pytest.mark.django_db


@pytest.fixture
def pensioner():
    """Drawing a pension since 2024-03; certified in person at the grant on 2024-03-01."""
    person = make_person(date(1963, 1, 1))
    PensionClaim.objects.create(
        person=person, category="male", retirement_month=date(2024, 2, 1),
        start_month=date(2024, 3, 1), region="420106", basic_amount=Decimal("1500"),
        account_amount=Decimal("800"), transitional_amount=Decimal("0"),
        monthly_amount=Decimal("2300"),
    )  # fmt: skip
    cert.certification_start(actor=SYSTEM, person=person, on=date(2024, 3, 1))
    return person


def run(day: str):
    return cert.certification_run(actor=SYSTEM, on=date.fromisoformat(day))


def state_of(person):
    return PensionerCertification.objects.get(person=person)


def claim_status(person):
    return PensionClaim.objects.values_list("status", "status_reason").get(person=person)


def test_card_use_renews_silently(pensioner):
    cert.certification_evidence_record(
        actor=SYSTEM, person=pensioner, source="card_use", seen_on=date(2025, 2, 10)
    )
    result = run("2025-03-05")
    assert (result.renewed, result.reminded) == (1, [])
    assert (state_of(pensioner).status, state_of(pensioner).certified_on) == (
        "certified",
        date(2025, 2, 10),
    )
    assert not Notice.objects.exists()


def test_nothing_happens_within_the_12_months(pensioner):
    assert run("2025-02-28").reminded == []
    assert state_of(pensioner).status == "certified"


def test_no_evidence_for_12_months_brings_one_reminder(pensioner):
    first, second = run("2025-03-01"), run("2025-03-02")
    assert (first.reminded, second.reminded) == ([pensioner.pk], [])
    state = state_of(pensioner)
    assert (state.status, state.reminded_on) == ("reminded", date(2025, 3, 1))
    notice = Notice.objects.get(person=pensioner)
    assert notice.topic == "certification.reminder"
    assert notice.message.startswith("请于3个月内")
    assert claim_status(pensioner) == ("active", "")


def test_suspended_after_the_3_month_warning(pensioner):
    run("2025-03-01")
    assert run("2025-05-31").suspended == []
    assert run("2025-06-01").suspended == [pensioner.pk]
    state = state_of(pensioner)
    assert (state.status, state.suspend_reason, state.suspended_on) == (
        "suspended",
        "not_certified",
        date(2025, 6, 1),
    )
    assert claim_status(pensioner) == ("suspended", "not_certified")
    assert Notice.objects.filter(topic="certification.suspended").count() == 1
    assert AuditEntry.objects.filter(action="certification.suspend").count() == 1


def test_evidence_after_suspension_resumes(pensioner):
    run("2025-03-01")
    run("2025-06-01")
    cert.certification_evidence_record(
        actor=SYSTEM, person=pensioner, source="medical", seen_on=date(2025, 6, 10)
    )
    result = run("2025-06-11")
    assert result.resumed == [pensioner.pk]
    assert state_of(pensioner).status == "certified"
    assert claim_status(pensioner) == ("active", "")
    assert Notice.objects.get(topic="certification.resumed").message == (
        "您已完成待遇资格认证,养老金自2025年06月起恢复发放。"
    )


def test_self_certification_resumes_at_once(pensioner):
    run("2025-03-01")
    run("2025-06-01")
    with clock.frozen(datetime.fromisoformat("2025-06-20T09:00:00+08:00")):
        state = cert.certification_self(
            actor=SYSTEM, person=pensioner, provider=cert.DemoLivenessProvider()
        )
    assert (state.status, state.certified_on) == ("certified", date(2025, 6, 20))
    assert claim_status(pensioner) == ("active", "")
    assert AuditEntry.objects.filter(action="certification.self").count() == 1


def test_death_suspends_at_once_and_nothing_resumes_it(pensioner):
    registry_services.life_event_record(
        actor=SYSTEM, person=pensioner, event="death", event_date="2024-08-03",
        source="public_security",
    )  # fmt: skip
    cert.certification_evidence_record(
        actor=SYSTEM, person=pensioner, source="card_use", seen_on=date(2024, 9, 1)
    )
    result = run("2024-09-02")
    assert result.deceased == [pensioner.pk]
    assert (state_of(pensioner).status, state_of(pensioner).suspend_reason) == (
        "suspended",
        "death",
    )
    assert claim_status(pensioner) == ("suspended", "death")
    assert run("2024-09-03").deceased == []
    with pytest.raises(DomainError) as caught:
        cert.certification_self(
            actor=SYSTEM, person=pensioner, provider=cert.DemoLivenessProvider()
        )
    assert caught.value.message == "该人员已登记死亡,不能办理资格认证"


def test_pensioners_paid_by_a_legacy_system_are_followed_too():
    paid, seen = make_person(date(1955, 1, 1)), make_person(date(1956, 1, 1))
    for person in (paid, seen):
        BenefitPayment.objects.create(
            person=person, benefit="pension_employee", period=date(2025, 2, 1),
            amount=Decimal("3000"), region="420106", paid_on=date(2025, 2, 15),
        )  # fmt: skip
    cert.certification_evidence_record(
        actor=SYSTEM, person=seen, source="transport", seen_on=date(2025, 1, 20)
    )
    result = run("2025-03-01")
    assert result.reminded == [paid.pk]
    assert state_of(seen).certified_on == date(2025, 1, 20)


@dataclass
class Failing:
    name: str = "face"

    def check(self, *, person):
        return cert.Liveness(passed=False, message="未检测到活体")


def test_failed_liveness_and_non_pensioners_are_refused_in_words(pensioner):
    with pytest.raises(DomainError) as caught:
        cert.certification_self(actor=SYSTEM, person=pensioner, provider=Failing())
    assert (caught.value.code, caught.value.message) == (
        "insurance.liveness_failed",
        "人脸识别未通过:未检测到活体",
    )
    with pytest.raises(DomainError) as caught:
        cert.certification_self(
            actor=SYSTEM, person=make_person(date(1990, 1, 1)), provider=Failing()
        )
    assert caught.value.message == "您未领取养老金,无需办理待遇资格认证"


def test_bulk_evidence_feed_is_idempotent(pensioner):
    items = [(pensioner.pk, "card_use", date(2025, 1, 5))] * 2
    cert.certification_evidence_record_many(actor=SYSTEM, items=items)
    cert.certification_evidence_record_many(actor=SYSTEM, items=items)
    assert pensioner.certification_evidence.filter(source="card_use").count() == 1
    with pytest.raises(DomainError):
        cert.certification_evidence_record_many(
            actor=SYSTEM, items=[(pensioner.pk, "rumour", date(2025, 1, 5))]
        )


def test_the_task_wraps_the_run(pensioner):
    result = certification_run_task.enqueue("2025-03-01")
    assert result.return_value["reminded"] == 1
    assert cert.certification_pending_list().get().person_id == pensioner.pk
