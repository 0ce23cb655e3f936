"""The monthly unemployment-benefit run (失业保险条例 第15/17条; 社会保险法 第51条).

For one month, every active claim gets one ``BenefitPayment`` (idempotent: a second
run pays nothing twice). A claim stops from the month after the person is
re-employed — a new ``Employment`` starting, or a contribution paid by an employer
for a month since the claim began — or after a reported death; it is exhausted when
all granted months are paid. Stops are returned (with any months already paid after
the stop, to recover) and written to the outbox for the service hall to notify.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from django.db import transaction

from hrss.audit.services import audit_record
from hrss.core import clock
from hrss.core.actors import Actor
from hrss.core.parsing import parse_month
from hrss.insurance import notices
from hrss.insurance.models import (
    Benefit,
    BenefitPayment,
    Contribution,
    NoticeTopic,
    StopReason,
    UnemploymentBenefitClaim,
    UnemploymentClaimStatus,
)
from hrss.insurance.months import add_months, first_of_month
from hrss.registry.models import Employment, LifeEvent, LifeEventKind

CHUNK = 1000


@dataclass(frozen=True)
class Stop:
    claim_id: int
    person_id: int
    reason: str
    stopped_from: date
    message: str
    overpaid_periods: list[date]


@dataclass
class PayMonthResult:
    period: date
    paid: int = 0
    already_paid: int = 0
    stopped: list[Stop] = field(default_factory=list)
    exhausted: list[int] = field(default_factory=list)  # claim ids


@dataclass
class _Facts:
    """What the chunk's people did since the earliest claim start, in five queries."""

    jobs: dict[int, list[date]]  # person → months of employment starts
    employer_months: dict[int, list[date]]  # person → months paid by an employer
    deaths: dict[int, date]
    paid: dict[int, set[date]]  # person → unemployment benefit months paid

    @classmethod
    def load(cls, persons: list[int], since: date) -> _Facts:
        jobs: dict[int, list[date]] = defaultdict(list)
        for pid, start in Employment.objects.filter(
            person_id__in=persons, start_date__gte=since
        ).values_list("person_id", "start_date"):
            jobs[pid].append(first_of_month(start))
        employer: dict[int, list[date]] = defaultdict(list)
        left = _last_months_worked(persons)
        for pid, employer_id, period in (
            Contribution.objects.filter(
                person_id__in=persons, employer__isnull=False, period__gte=since
            )
            .values_list("person_id", "employer_id", "period")
            .distinct()
        ):
            if period > left.get((pid, employer_id), date.min):
                employer[pid].append(period)
        deaths: dict[int, date] = {}
        for pid, day in LifeEvent.objects.filter(
            person_id__in=persons, event=LifeEventKind.DEATH
        ).values_list("person_id", "event_date"):
            deaths[pid] = min(day, deaths.get(pid, day))
        paid: dict[int, set[date]] = defaultdict(set)
        for pid, period in BenefitPayment.objects.filter(
            person_id__in=persons, benefit=Benefit.UNEMPLOYMENT, period__gte=since
        ).values_list("person_id", "period"):
            paid[pid].add(period)
        return cls(jobs, employer, deaths, paid)


def _last_months_worked(persons: list[int]) -> dict[tuple[int, int], date]:
    """(person, employer) → the month a finished job ended: the old employer paying
    for that month (common for the month of separation) is not re-employment."""
    left: dict[tuple[int, int], date] = {}
    for pid, employer_id, end in Employment.objects.filter(
        person_id__in=persons, end_date__isnull=False
    ).values_list("person_id", "employer_id", "end_date"):
        if end is not None:
            key = (pid, employer_id)
            left[key] = max(first_of_month(end), left.get(key, date.min))
    return left


def unemployment_benefits_pay_month(*, actor: Actor, period: str | date) -> PayMonthResult:
    """Pay one month of every active claim; stop or exhaust claims as the records say.

    Each chunk of claims is one transaction; the run is audited once with its counts.
    """
    month = parse_month(period)
    out = PayMonthResult(month)
    ids = list(
        UnemploymentBenefitClaim.objects.filter(
            status=UnemploymentClaimStatus.ACTIVE, start_month__lte=month
        )
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    for start in range(0, len(ids), CHUNK):
        with transaction.atomic():
            _pay_chunk(actor, month, ids[start : start + CHUNK], out)
    audit_record(
        actor=actor,
        action="unemployment_benefit.pay_month",
        object_type="insurance.benefit_payment",
        extra={
            "period": f"{month:%Y-%m}",
            "paid": out.paid,
            "stopped": len(out.stopped),
            "exhausted": len(out.exhausted),
        },
    )
    return out


def _pay_chunk(actor: Actor, month: date, ids: list[int], out: PayMonthResult) -> None:
    claims = list(
        UnemploymentBenefitClaim.objects.select_for_update().filter(
            pk__in=ids, status=UnemploymentClaimStatus.ACTIVE
        )
    )
    if not claims:
        return
    facts = _Facts.load([c.person_id for c in claims], min(c.start_month for c in claims))
    payments = []
    for claim in claims:
        payment = _pay_one(actor, month, claim, facts, out)
        if payment is not None:
            payments.append(payment)
    BenefitPayment.objects.bulk_create(payments, ignore_conflicts=True)


def _stop_for(claim: UnemploymentBenefitClaim, facts: _Facts) -> tuple[str, date, str] | None:
    """(reason, first month not paid, note) if the records say the claim must stop."""
    candidates = []
    starts = [m for m in facts.jobs.get(claim.person_id, []) if m >= claim.start_month]
    starts += [m for m in facts.employer_months.get(claim.person_id, []) if m >= claim.start_month]
    if starts:
        again = min(starts)
        note = f"{again:%Y年%m月}重新就业"
        candidates.append((add_months(again, 1), StopReason.REEMPLOYED, note))
    death = facts.deaths.get(claim.person_id)
    if death is not None:
        candidates.append((add_months(first_of_month(death), 1), StopReason.DEATH, "死亡"))
    if not candidates:
        return None
    stopped_from, reason, note = min(candidates)
    return reason, stopped_from, note


def _pay_one(
    actor: Actor,
    month: date,
    claim: UnemploymentBenefitClaim,
    facts: _Facts,
    out: PayMonthResult,
) -> BenefitPayment | None:
    stop = _stop_for(claim, facts)
    paid = {p for p in facts.paid.get(claim.person_id, set()) if p >= claim.start_month}
    payment = None
    if month in paid:
        out.already_paid += 1
    elif (stop is None or month < stop[1]) and len(paid) < claim.months_granted:
        payment = _payment(claim, month)
        paid.add(month)
        out.paid += 1
    if stop is not None:
        _stop(actor, claim, stop, paid, out)
    elif len(paid) >= claim.months_granted:
        _exhaust(actor, claim, out)
    return payment


def _payment(claim: UnemploymentBenefitClaim, month: date) -> BenefitPayment:
    return BenefitPayment(
        person_id=claim.person_id,
        benefit=Benefit.UNEMPLOYMENT,
        period=month,
        amount=claim.monthly_amount,
        region=claim.region,
        paid_on=clock.today(),
    )


def _stop(
    actor: Actor,
    claim: UnemploymentBenefitClaim,
    stop: tuple[str, date, str],
    paid: set[date],
    out: PayMonthResult,
) -> None:
    reason, stopped_from, note = stop
    claim.status, claim.stop_reason = UnemploymentClaimStatus.STOPPED, reason
    claim.stopped_from, claim.stop_note = stopped_from, note
    claim.save(update_fields=["status", "stop_reason", "stopped_from", "stop_note"])
    message = f"因{note},您的失业保险金自{stopped_from:%Y年%m月}起停止发放。"
    overpaid = sorted(p for p in paid if p >= stopped_from)
    notices.notice_add(
        person_id=claim.person_id,
        topic=NoticeTopic.UNEMPLOYMENT_STOPPED,
        message=message,
        dedupe_key=f"unemployment.stopped:{claim.pk}",
        payload={"claim_id": claim.pk, "overpaid": [f"{p:%Y-%m}" for p in overpaid]},
    )
    audit_record(
        actor=actor,
        action="unemployment_benefit.stop",
        object_type="insurance.unemployment_claim",
        object_id=claim.pk,
        person_id=claim.person_id,
        extra={"reason": reason, "stopped_from": f"{stopped_from:%Y-%m}"},
    )
    out.stopped.append(Stop(claim.pk, claim.person_id, reason, stopped_from, message, overpaid))


def _exhaust(actor: Actor, claim: UnemploymentBenefitClaim, out: PayMonthResult) -> None:
    claim.status = UnemploymentClaimStatus.EXHAUSTED
    claim.save(update_fields=["status"])
    notices.notice_add(
        person_id=claim.person_id,
        topic=NoticeTopic.UNEMPLOYMENT_EXHAUSTED,
        message=f"您的失业保险金{claim.months_granted}个月已全部领取完毕。",
        dedupe_key=f"unemployment.exhausted:{claim.pk}",
    )
    audit_record(
        actor=actor,
        action="unemployment_benefit.exhaust",
        object_type="insurance.unemployment_claim",
        object_id=claim.pk,
        person_id=claim.person_id,
    )
    out.exhausted.append(claim.pk)
