"""待遇资格认证: every pensioner is confirmed alive once in 12 months (parameters).

Since 2018 MOHRSS replaced the yearly mass check with 静默认证: signs of life found in
data (card use, medical settlements, transport, ...) renew the certification; only
those who cannot be confirmed are reminded, and after a warning period (default 3
months) their pension is suspended until they certify (the MOHRSS 2018 reform of
待遇资格认证; domain notes §2 — the 12 and 3 months are parameters because the
period and the warning are set locally). A reported death suspends at once
(社会保险法 第14条: the personal account ends with the person).

**Pensioner** (the people a run looks at): anyone with a pension claim in force
(active or suspended), or a pension ``BenefitPayment`` (any of ``PENSION_BENEFITS``)
for one of the last 3 months (people paid by a legacy system whose claims were not
migrated), plus everyone this module already follows (so a suspended person can be
resumed). Evidence comes only from this area's own tables (``CertificationEvidence``,
filled by the higher areas) and from the registry's ``LifeEvent``: insurance imports
neither cards nor supervision.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Protocol

from django.db import transaction
from django.db.models import Max, Min, QuerySet

from hrss.audit.services import audit_record
from hrss.core import clock
from hrss.core.actors import Actor
from hrss.core.errors import DomainError
from hrss.insurance import notices, selectors
from hrss.insurance.models import (
    PENSION_BENEFITS,
    BenefitPayment,
    CertificationEvidence,
    CertificationStatus,
    EvidenceSource,
    NoticeTopic,
    ParameterName,
    PensionClaim,
    PensionClaimStatus,
    PensionerCertification,
    SuspendReason,
)
from hrss.insurance.months import add_months, add_months_to_day
from hrss.registry.models import LifeEvent, LifeEventKind, Person

LOOKBACK_MONTHS = 3
CHUNK = 1000


class LivenessResult(Protocol):
    passed: bool
    reference: str
    message: str


class LivenessProvider(Protocol):
    """A face / liveness check (bank SDK, the national platform, a kiosk)."""

    name: str

    def check(self, *, person: Person) -> LivenessResult: ...


@dataclass(frozen=True)
class Liveness:
    passed: bool
    reference: str = ""
    message: str = ""


class DemoLivenessProvider:
    """Passes everyone: for the demo and tests only."""

    name = "demo"

    def check(self, *, person: Person) -> Liveness:
        return Liveness(passed=True, reference=f"demo-{secrets.token_hex(6)}")


@dataclass
class RunResult:
    reminded: list[int] = field(default_factory=list)
    suspended: list[int] = field(default_factory=list)
    resumed: list[int] = field(default_factory=list)
    deceased: list[int] = field(default_factory=list)
    renewed: int = 0


def certification_evidence_record(
    *, actor: Actor, person: Person, source: str, seen_on: date, reference: str = ""
) -> CertificationEvidence:
    """Record one sign of life (idempotent per person, source and day)."""
    if source not in EvidenceSource.values:
        raise DomainError("insurance.bad_evidence_source", "认证依据来源无效")
    row, _ = CertificationEvidence.objects.get_or_create(
        person=person, source=source, seen_on=seen_on, defaults={"reference": reference}
    )
    return row


def certification_evidence_record_many(
    *, actor: Actor, items: Iterable[tuple[int, str, date]]
) -> int:
    """Bulk feed of (person id, source, day) from a higher area's job; one audit row."""
    rows = [CertificationEvidence(person_id=p, source=s, seen_on=d) for p, s, d in items]
    if any(row.source not in EvidenceSource.values for row in rows):
        raise DomainError("insurance.bad_evidence_source", "认证依据来源无效")
    with transaction.atomic():
        CertificationEvidence.objects.bulk_create(rows, ignore_conflicts=True, batch_size=CHUNK)
        audit_record(
            actor=actor,
            action="certification.evidence_feed",
            object_type="insurance.certification_evidence",
            extra={"rows": len(rows)},
        )
    return len(rows)


def pensioner_ids(*, on: date) -> set[int]:
    """The people a run looks at (see the module docstring)."""
    in_force = PensionClaim.objects.filter(
        status__in=[PensionClaimStatus.ACTIVE, PensionClaimStatus.SUSPENDED]
    ).values_list("person_id", flat=True)
    paid = BenefitPayment.objects.filter(
        benefit__in=PENSION_BENEFITS,
        period__gte=add_months(on, -LOOKBACK_MONTHS),
        period__lte=on,
    ).values_list("person_id", flat=True)
    followed = PensionerCertification.objects.exclude(
        suspend_reason=SuspendReason.DEATH
    ).values_list("person_id", flat=True)
    return set(in_force) | set(paid) | set(followed)


@dataclass(frozen=True)
class _Limits:
    valid: int
    warning: int


def _limits(on: date) -> _Limits:
    value = selectors.parameter_value
    region = selectors.PROVINCE
    return _Limits(
        valid=int(value(name=ParameterName.CERTIFICATION_VALID_MONTHS, region=region, on=on)),
        warning=int(value(name=ParameterName.CERTIFICATION_WARNING_MONTHS, region=region, on=on)),
    )


def certification_run(*, actor: Actor, on: date) -> RunResult:
    """The daily job: renew from evidence, remind, suspend after the warning, resume.

    Idempotent for a day. Each chunk of people is one transaction. Time limits are
    the province-wide parameters in force on ``on``.
    """
    limits, result = _limits(on), RunResult()
    ids = sorted(pensioner_ids(on=on))
    for start in range(0, len(ids), CHUNK):
        with transaction.atomic():
            _run_chunk(actor, on, limits, ids[start : start + CHUNK], result)
    return result


def _run_chunk(actor: Actor, on: date, limits: _Limits, ids: list[int], out: RunResult) -> None:
    states = {
        s.person_id: s
        for s in PensionerCertification.objects.select_for_update().filter(person_id__in=ids)
    }
    evidence = dict(
        CertificationEvidence.objects.filter(person_id__in=ids, seen_on__lte=on)
        .values("person_id")
        .annotate(last=Max("seen_on"))
        .values_list("person_id", "last")
    )
    deaths = dict(
        LifeEvent.objects.filter(person_id__in=ids, event=LifeEventKind.DEATH, event_date__lte=on)
        .values("person_id")
        .annotate(first=Min("event_date"))
        .values_list("person_id", "first")
    )
    for person_id in ids:
        state = states.get(person_id) or PensionerCertification(
            person_id=person_id, status=CertificationStatus.CERTIFIED
        )
        _step(actor, on, limits, state, evidence.get(person_id), deaths.get(person_id), out)


def _step(
    actor: Actor,
    on: date,
    limits: _Limits,
    state: PensionerCertification,
    evidence: date | None,
    death: date | None,
    out: RunResult,
) -> None:
    if death is not None:
        if state.suspend_reason != SuspendReason.DEATH:
            _suspend(actor, state, on, SuspendReason.DEATH)
            out.deceased.append(state.person_id)
        return
    renewed = evidence is not None and (state.certified_on is None or evidence > state.certified_on)
    if renewed:
        state.certified_on = evidence
        out.renewed += 1
    due = state.certified_on is None or on >= add_months_to_day(state.certified_on, limits.valid)
    if not due and state.status != CertificationStatus.CERTIFIED:
        if state.status == CertificationStatus.SUSPENDED:
            out.resumed.append(state.person_id)
        _certify(actor, state, on)
    elif due and state.status == CertificationStatus.CERTIFIED:
        _remind(actor, state, on)
        out.reminded.append(state.person_id)
    elif due and _warning_over(state, on, limits):
        _suspend(actor, state, on, SuspendReason.NOT_CERTIFIED)
        out.suspended.append(state.person_id)
    elif renewed or state.pk is None:
        state.save()


def _warning_over(state: PensionerCertification, on: date, limits: _Limits) -> bool:
    return (
        state.status == CertificationStatus.REMINDED
        and state.reminded_on is not None
        and on >= add_months_to_day(state.reminded_on, limits.warning)
    )


def _audit(actor: Actor, state: PensionerCertification, action: str, **extra: str) -> None:
    audit_record(
        actor=actor,
        action=f"certification.{action}",
        object_type="insurance.certification",
        object_id=state.person_id,
        person_id=state.person_id,
        extra=extra,
    )


def _certify(actor: Actor, state: PensionerCertification, on: date) -> None:
    """Certified (again): lift a suspension for non-certification, if any."""
    was_suspended = state.status == CertificationStatus.SUSPENDED
    state.status, state.reminded_on = CertificationStatus.CERTIFIED, None
    state.suspended_on, state.suspend_reason = None, ""
    state.save()
    if not was_suspended:
        return
    PensionClaim.objects.filter(
        person_id=state.person_id,
        status=PensionClaimStatus.SUSPENDED,
        status_reason=SuspendReason.NOT_CERTIFIED,
    ).update(status=PensionClaimStatus.ACTIVE, status_reason="", status_changed_on=on)
    notices.notice_add(
        person_id=state.person_id,
        topic=NoticeTopic.CERTIFICATION_RESUMED,
        message=f"您已完成待遇资格认证,养老金自{on:%Y年%m月}起恢复发放。",
        dedupe_key=f"certification.resumed:{state.person_id}:{on}",
    )
    _audit(actor, state, "resume")


def _remind(actor: Actor, state: PensionerCertification, on: date) -> None:
    state.status, state.reminded_on = CertificationStatus.REMINDED, on
    state.save()
    notices.notice_add(
        person_id=state.person_id,
        topic=NoticeTopic.CERTIFICATION_REMINDER,
        message="请于3个月内通过电子社保卡或掌上12333办理养老金待遇资格认证,逾期将暂停发放。",
        dedupe_key=f"certification.reminder:{state.person_id}:{on}",
    )
    _audit(actor, state, "remind")


def _suspend(actor: Actor, state: PensionerCertification, on: date, reason: str) -> None:
    state.status, state.suspended_on, state.suspend_reason = (
        CertificationStatus.SUSPENDED,
        on,
        reason,
    )
    state.save()
    PensionClaim.objects.filter(person_id=state.person_id, status=PensionClaimStatus.ACTIVE).update(
        status=PensionClaimStatus.SUSPENDED, status_reason=reason, status_changed_on=on
    )
    if reason == SuspendReason.NOT_CERTIFIED:
        notices.notice_add(
            person_id=state.person_id,
            topic=NoticeTopic.CERTIFICATION_SUSPENDED,
            message="您逾期未办理待遇资格认证,养老金暂停发放;完成认证后恢复发放。",
            dedupe_key=f"certification.suspended:{state.person_id}:{on}",
        )
    _audit(actor, state, "suspend", reason=reason)


def certification_start(*, actor: Actor, person: Person, on: date) -> PensionerCertification:
    """A new pensioner was seen in person at the grant: the first 12 months start now."""
    CertificationEvidence.objects.get_or_create(
        person=person, source=EvidenceSource.GRANT, seen_on=on
    )
    state, _ = PensionerCertification.objects.update_or_create(
        person=person,
        defaults={"status": CertificationStatus.CERTIFIED, "certified_on": on},
    )
    return state


@transaction.atomic
def certification_self(
    *, actor: Actor, person: Person, provider: LivenessProvider
) -> PensionerCertification:
    """本人自助认证 through a liveness check; resumes a pension suspended for
    non-certification. Refused for a person reported dead or not drawing a pension."""
    today = clock.today()
    if LifeEvent.objects.filter(person=person, event=LifeEventKind.DEATH).exists():
        raise DomainError("insurance.person_deceased", "该人员已登记死亡,不能办理资格认证")
    state = PensionerCertification.objects.select_for_update().filter(person=person).first()
    if state is None and person.pk not in pensioner_ids(on=today):
        raise DomainError("insurance.not_pensioner", "您未领取养老金,无需办理待遇资格认证")
    result = provider.check(person=person)
    if not result.passed:
        raise DomainError(
            "insurance.liveness_failed", f"人脸识别未通过:{result.message or '请重试'}"
        )
    CertificationEvidence.objects.get_or_create(
        person=person,
        source=EvidenceSource.SELF_SERVICE,
        seen_on=today,
        defaults={"reference": result.reference[:64]},
    )
    state = state or PensionerCertification(person=person, status=CertificationStatus.CERTIFIED)
    state.certified_on = today
    _certify(actor, state, today)
    _audit(actor, state, "self", provider=provider.name)
    return state


def certification_pending_list(*, district_prefix: str = "") -> QuerySet[PensionerCertification]:
    """People who still have to certify (reminded or suspended, not deceased), for staff."""
    qs = PensionerCertification.objects.filter(
        status__in=[CertificationStatus.REMINDED, CertificationStatus.SUSPENDED]
    ).exclude(suspend_reason=SuspendReason.DEATH)
    if district_prefix:
        qs = qs.filter(person__district__startswith=district_prefix)
    return qs.select_related("person").order_by("status", "reminded_on")
