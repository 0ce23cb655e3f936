"""Scheduled jobs the hall orchestrates across areas (it may import them all; they may
not import each other or the hall). Each step is an area's own idempotent service; the
last step delivers what the areas wrote to their outboxes.

* ``monthly_run(period)`` — 失业保险金 for the month (``insurance``), then 失业登记 of people
  an employer has since filed a job for are closed (``employment``), then the outbox.
* ``certification_job(on)`` — card use becomes 待遇资格认证 evidence (``cards`` →
  ``insurance``: the bridge insurance's README asks a higher area for), the
  certification run (reminders, suspensions, resumptions), then the outbox.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from hrss.cards.selectors import card_use_list
from hrss.core import clock
from hrss.core.actors import Actor
from hrss.core.parsing import parse_month
from hrss.employment.services import unemployment_registrations_close_reemployed
from hrss.insurance.certification import RunResult
from hrss.insurance.models import EvidenceSource
from hrss.insurance.services import (
    certification_evidence_record_many,
    certification_run,
    unemployment_benefits_pay_month,
)
from hrss.insurance.unemployment_payments import PayMonthResult
from hrss.service_hall.outbox import DeliveryResult, outbox_deliver

CARD_USE_DAYS = 31  # how far back card use is fed as evidence (idempotent per day)


@dataclass(frozen=True)
class MonthlyResult:
    pay: PayMonthResult
    registrations_closed: int
    delivered: DeliveryResult


@dataclass(frozen=True)
class CertificationJobResult:
    evidence: int
    run: RunResult
    delivered: DeliveryResult


def monthly_run(*, actor: Actor, period: str | date) -> MonthlyResult:
    """The month's run: pay 失业保险金 (stops on re-employment or death write notices),
    close 失业登记 ended by a filed job, deliver the notices. Safe to run twice."""
    month = parse_month(period)
    pay = unemployment_benefits_pay_month(actor=actor, period=month)
    closed = unemployment_registrations_close_reemployed(actor=actor, on=clock.today())
    return MonthlyResult(pay, closed, outbox_deliver(actor=actor))


def _card_use_evidence(actor: Actor, on: date, days: int) -> int:
    """Feed the card uses of the ``days`` before ``on`` (and that day) as evidence."""
    start = datetime.combine(on - timedelta(days=days), time.min, tzinfo=clock.SHANGHAI)
    until = datetime.combine(on + timedelta(days=1), time.min, tzinfo=clock.SHANGHAI)
    items = {
        (person_id, EvidenceSource.CARD_USE.value, clock.localise(at).date())
        for person_id, at in card_use_list(since=start, until=until).values_list(
            "card__person_id", "at"
        )
    }
    if not items:
        return 0
    return certification_evidence_record_many(actor=actor, items=sorted(items))


def certification_job(
    *, actor: Actor, on: date, card_use_days: int = CARD_USE_DAYS
) -> CertificationJobResult:
    """The 待遇资格认证 run for ``on`` with fresh card-use evidence; then the outbox."""
    evidence = _card_use_evidence(actor, on, card_use_days)
    run = certification_run(actor=actor, on=on)
    return CertificationJobResult(evidence, run, outbox_deliver(actor=actor))
