"""Case services: the workflow with its permissions, events, audit rows and hook."""

from __future__ import annotations

from decimal import Decimal

import pytest

from conftest import SYSTEM
from hrss.audit.models import AuditEntry
from hrss.core.errors import DomainError, InvalidTransition
from hrss.iam.models import Account
from hrss.insurance.models import Notice
from hrss.supervision import services
from hrss.supervision.errors import CaseNotAllowed
from hrss.supervision.models import ScreeningCase
from hrss.supervision.screening import screening_run
from hrss.supervision.snapshot import take_snapshot
from hrss.supervision.tests.factories import (
    AS_OF,
    pension_claim,
    small_province,
    unemployment_claim,
)
from hrss.supervision.workflow import CaseStatus

pytestmark = pytest.mark.django_db


def _staff(username: str, role: str, district: str) -> Account:
    return Account.objects.create_user(
        username=username, password="Test-Passw0rd!", role=role, district=district
    )


@pytest.fixture
def chief():
    """监督管理人员 of 武汉市 (covers 武昌区)."""
    return _staff("chief_wuhan", "supervisor", "420100")


@pytest.fixture
def inspector():
    return _staff("inspector_wuchang", "inspector", "420106")


@pytest.fixture
def f01_case(tmp_path) -> ScreeningCase:
    small_province()
    take_snapshot(tmp_path)
    screening_run(actor=SYSTEM, snapshot=tmp_path, as_of=AS_OF, rules="F01")
    return ScreeningCase.objects.get(rule="F01")


def _investigating(case, chief, inspector) -> ScreeningCase:
    services.case_assign(actor=chief, case_id=case.pk, assignee=inspector)
    return services.case_start_investigation(actor=inspector, case_id=case.pk)


def test_confirmed_case_is_recovered_and_closed_with_one_event_per_step(f01_case, chief, inspector):
    _investigating(f01_case, chief, inspector)
    services.case_confirm(actor=inspector, case_id=f01_case.pk, amount_to_recover="6000.00")
    services.case_record_recovery(actor=inspector, case_id=f01_case.pk, amount="2500")
    services.case_record_recovery(actor=inspector, case_id=f01_case.pk, amount=Decimal("3500"))
    case = services.case_close(actor=chief, case_id=f01_case.pk)

    assert case.status == CaseStatus.CLOSED
    assert (case.amount_to_recover, case.amount_recovered) == (
        Decimal("6000.00"),
        Decimal("6000.00"),
    )
    steps = list(case.events.values_list("action", "to_status"))
    assert steps == [
        ("open", "new"), ("assign", "assigned"), ("start_investigation", "investigating"),
        ("confirm", "confirmed"), ("record_recovery", "recovered"),
        ("record_recovery", "recovered"), ("close", "closed"),
    ]  # fmt: skip
    audited = AuditEntry.objects.filter(object_type="supervision.screening_case")
    assert audited.filter(action="screening_case.confirm", person_id=case.person_id).exists()


def test_confirming_a_fund_case_suspends_the_payment_through_insurance(f01_case, chief, inspector):
    claim = pension_claim(f01_case.person)
    jobless = unemployment_claim(f01_case.person)
    _investigating(f01_case, chief, inspector)

    services.case_confirm(actor=inspector, case_id=f01_case.pk, amount_to_recover="6000")

    claim.refresh_from_db()
    jobless.refresh_from_db()
    assert (claim.status, claim.status_reason) == (
        "suspended",
        f"监管案件 F01 #{f01_case.pk} 确认违规",
    )
    assert (jobless.status, jobless.stop_reason) == ("stopped", "other")
    audit = AuditEntry.objects.get(action="benefit.suspend")
    assert (audit.person_id, audit.extra["source"]) == (
        f01_case.person_id,
        f"supervision:{f01_case.pk}",
    )
    assert audit.extra["pension_claims"] == [claim.pk]
    assert Notice.objects.filter(person=f01_case.person, topic="benefit.suspended").count() == 1
    assert not AuditEntry.objects.filter(action="payment_suspension.pending").exists()


def test_a_dismissed_fund_case_suspends_nothing(f01_case, chief, inspector):
    claim = pension_claim(f01_case.person)
    _investigating(f01_case, chief, inspector)

    services.case_dismiss(actor=inspector, case_id=f01_case.pk, reason="死亡登记有误,已更正")

    claim.refresh_from_db()
    assert claim.status == "active"
    assert not AuditEntry.objects.filter(action="benefit.suspend").exists()


def test_dismissal_needs_a_reason_and_keeps_the_case_open_until_closed(f01_case, chief, inspector):
    _investigating(f01_case, chief, inspector)
    with pytest.raises(DomainError) as caught:
        services.case_dismiss(actor=inspector, case_id=f01_case.pk, reason="  ")
    assert caught.value.code == "supervision.reason_required"

    case = services.case_dismiss(actor=inspector, case_id=f01_case.pk, reason="死亡日期登记有误")

    assert (case.status, case.dismiss_reason) == (CaseStatus.DISMISSED, "死亡日期登记有误")


def test_only_a_covering_supervisor_assigns_and_only_to_covering_staff(f01_case, chief, inspector):
    outsider = _staff("chief_xiangyang", "supervisor", "420600")
    far_inspector = _staff("inspector_xiangyang", "inspector", "420600")
    clerk = _staff("clerk", "caseworker", "420106")

    with pytest.raises(CaseNotAllowed):
        services.case_assign(actor=outsider, case_id=f01_case.pk, assignee=inspector)
    with pytest.raises(CaseNotAllowed):
        services.case_assign(actor=inspector, case_id=f01_case.pk, assignee=inspector)
    with pytest.raises(CaseNotAllowed):
        services.case_assign(actor=chief, case_id=f01_case.pk, assignee=far_inspector)
    with pytest.raises(CaseNotAllowed):
        services.case_assign(actor=chief, case_id=f01_case.pk, assignee=clerk)


def test_only_the_assignee_or_a_supervisor_investigates(f01_case, chief, inspector):
    other = _staff("inspector_other", "inspector", "420106")
    services.case_assign(actor=chief, case_id=f01_case.pk, assignee=inspector)

    with pytest.raises(CaseNotAllowed):
        services.case_start_investigation(actor=other, case_id=f01_case.pk)
    services.case_start_investigation(actor=chief, case_id=f01_case.pk)


def test_steps_out_of_order_and_bad_amounts_are_refused_and_write_nothing(
    f01_case, chief, inspector
):
    with pytest.raises(InvalidTransition):
        services.case_confirm(actor=chief, case_id=f01_case.pk, amount_to_recover="1")
    _investigating(f01_case, chief, inspector)
    for bad in ("-1", "abc"):
        with pytest.raises(DomainError):
            services.case_confirm(actor=inspector, case_id=f01_case.pk, amount_to_recover=bad)

    case = ScreeningCase.objects.get(pk=f01_case.pk)
    assert (case.status, case.amount_to_recover) == (CaseStatus.INVESTIGATING, None)
    assert case.events.count() == 3


def test_cases_are_listed_and_read_only_within_the_district(f01_case, chief, inspector):
    from hrss.core.errors import NotFound
    from hrss.supervision.selectors import access_case_by_id, case_list_for_actor

    far = _staff("inspector_far", "inspector", "420600")
    clerk = _staff("clerk_wuchang", "caseworker", "420106")

    assert list(case_list_for_actor(actor=inspector)) == [f01_case]
    assert access_case_by_id(actor=chief, case_id=f01_case.pk) == f01_case
    assert not case_list_for_actor(actor=far).exists()
    for outsider in (far, clerk):
        with pytest.raises(NotFound):
            access_case_by_id(actor=outsider, case_id=f01_case.pk)
