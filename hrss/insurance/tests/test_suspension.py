"""暂停发放 at a higher area's request: pension suspended, unemployment benefit stopped,
one notice, audited; idempotent; a certification does not lift it."""

from datetime import date
from decimal import Decimal

import pytest

from conftest import SYSTEM
from hrss.audit.models import AuditEntry
from hrss.core.errors import DomainError
from hrss.insurance import certification as cert
from hrss.insurance.models import Notice, PensionClaim, UnemploymentBenefitClaim
from hrss.insurance.suspension import benefit_payments_suspend
from hrss.insurance.tests.helpers import make_person

pytestmark = pytest.mark.django_db
REASON = "监管案件 F01 #7 确认违规"


def _pension(person, status="active", reason=""):
    return PensionClaim.objects.create(
        person=person, category="male", retirement_month=date(2024, 2, 1),
        start_month=date(2024, 3, 1), region="420106", basic_amount=Decimal("1500"),
        account_amount=Decimal("800"), transitional_amount=Decimal("0"),
        monthly_amount=Decimal("2300"), status=status, status_reason=reason,
    )  # fmt: skip


def _jobless(person):
    return UnemploymentBenefitClaim.objects.create(
        person=person, region="420106", start_month=date(2025, 1, 1), months_granted=12,
        monthly_amount=Decimal("1800"), contribution_months=40,
    )  # fmt: skip


def _suspend(person, reason=REASON, source="supervision:7"):
    return benefit_payments_suspend(actor=SYSTEM, person=person, reason=reason, source=source)


def test_pension_suspended_unemployment_stopped_one_notice_and_audit():
    person = make_person(date(1963, 1, 1))
    pension, jobless = _pension(person), _jobless(person)

    done = _suspend(person)

    pension.refresh_from_db()
    jobless.refresh_from_db()
    assert (pension.status, pension.status_reason) == ("suspended", REASON)
    assert (jobless.status, jobless.stop_reason, jobless.stop_note) == ("stopped", "other", REASON)
    assert jobless.stopped_from is not None and jobless.stopped_from.day == 1
    assert (done.pension_claims, done.unemployment_claims) == ([pension.pk], [jobless.pk])
    notice = Notice.objects.get(person=person)
    assert notice.topic == "benefit.suspended" and "暂停发放" in notice.message
    entry = AuditEntry.objects.get(action="benefit.suspend")
    assert (entry.person_id, entry.reason, entry.extra["source"]) == (
        person.pk,
        REASON,
        "supervision:7",
    )


def test_a_second_call_changes_nothing_and_sends_no_second_notice():
    person = make_person(date(1963, 1, 1))
    _pension(person)
    _suspend(person)

    again = _suspend(person)

    assert not again.changed
    assert Notice.objects.filter(person=person).count() == 1
    assert AuditEntry.objects.filter(action="benefit.suspend").count() == 2


def test_a_certification_suspension_becomes_this_one_and_certifying_does_not_lift_it():
    person = make_person(date(1963, 1, 1))
    claim = _pension(person)
    cert.certification_start(actor=SYSTEM, person=person, on=date(2024, 3, 1))
    cert.certification_run(actor=SYSTEM, on=date(2025, 3, 1))  # reminded
    cert.certification_run(actor=SYSTEM, on=date(2025, 6, 1))  # suspended: not certified
    claim.refresh_from_db()
    assert (claim.status, claim.status_reason) == ("suspended", "not_certified")

    _suspend(person)
    cert.certification_evidence_record(
        actor=SYSTEM, person=person, source="medical", seen_on=date(2025, 6, 10)
    )
    cert.certification_run(actor=SYSTEM, on=date(2025, 6, 11))

    claim.refresh_from_db()
    assert (claim.status, claim.status_reason) == ("suspended", REASON)
    assert cert.PensionerCertification.objects.get(person=person).status == "certified"


def test_nothing_to_suspend_is_still_audited_and_a_reason_is_required():
    person = make_person(date(1990, 1, 1))

    assert not _suspend(person).changed
    assert AuditEntry.objects.filter(action="benefit.suspend", person_id=person.pk).exists()
    assert not Notice.objects.exists()
    with pytest.raises(DomainError) as caught:
        _suspend(person, reason="  ")
    assert caught.value.code == "insurance.reason_required"
