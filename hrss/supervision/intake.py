"""Screening hits into cases: one open case per rule and subject.

A hit whose rule and subject already have an open case (any status but
``closed``) refreshes that case's ``last_seen``, ``last_run`` and ``detail``; any
other hit opens a ``new`` case with an ``open`` event. A run closes nothing: a
case that is not hit again stays as it is. Hits are written in chunks, each in
its own transaction with its audit row; the partial unique index
``one_open_case_per_rule_subject`` is the last guard against a duplicate.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

import pyarrow as pa
from django.db import transaction

from hrss.analytics.rules import Rule
from hrss.audit.services import audit_record
from hrss.core import clock
from hrss.core.actors import Actor
from hrss.registry.models import Employer, Person
from hrss.supervision.errors import ScreeningBusy
from hrss.supervision.models import CaseEvent, Claim, ScreeningCase, ScreeningRun
from hrss.supervision.workflow import OPEN_STATUSES, CaseAction, CaseStatus

CHUNK = 2000
STALE_RUN_HOURS = 12
ACTIVE_RUN_STATUSES = (ScreeningRun.Status.QUEUED, ScreeningRun.Status.RUNNING)


@dataclass
class IntakeResult:
    hits: int = 0
    opened: int = 0
    seen_again: int = 0
    unresolved: int = 0

    def add(self, other: IntakeResult) -> None:
        self.hits += other.hits
        self.opened += other.opened
        self.seen_again += other.seen_again
        self.unresolved += other.unresolved


@dataclass(frozen=True)
class Target:
    """What a subject key resolves to in the database."""

    person_id: int | None
    employer_id: int | None
    claim_id: int | None
    district: str


def run_busy(exclude: int | None = None) -> bool:
    """Is another run queued or running (started less than 12 hours ago)?"""
    since = clock.now() - timedelta(hours=STALE_RUN_HOURS)
    busy = ScreeningRun.objects.select_for_update().filter(
        status__in=ACTIVE_RUN_STATUSES, started_at__gte=since
    )
    return busy.exclude(pk=exclude).exists() if exclude else busy.exists()


def run_start(
    *, actor: Actor, engine: str, rules: Sequence[str], as_of: date,
    run: ScreeningRun | None = None,
) -> ScreeningRun:  # fmt: skip
    """Record a new run (or start a queued one); refused while another runs."""
    with transaction.atomic():
        if run_busy(exclude=run.pk if run else None):
            raise ScreeningBusy()
        fields = {
            "started_at": clock.now(), "engine": engine, "rules": ",".join(rules),
            "as_of": as_of, "status": ScreeningRun.Status.RUNNING,
        }  # fmt: skip
        if run is None:
            return ScreeningRun.objects.create(**fields, actor_name=actor.get_username()[:150])
        for name, value in fields.items():
            setattr(run, name, value)
        run.save(update_fields=[*fields])
        return run


def run_finish(
    *, actor: Actor, run: ScreeningRun, result: IntakeResult, failed: str = ""
) -> ScreeningRun:
    """Close the run record with its counts (or the failure) and audit it."""
    run.finished_at = clock.now()
    run.status = ScreeningRun.Status.FAILED if failed else ScreeningRun.Status.FINISHED
    run.hits, run.opened = result.hits, result.opened
    run.seen_again, run.unresolved = result.seen_again, result.unresolved
    run.message = failed[:2000]
    run.stage = "运行失败" if failed else "已完成"
    run.progress = run.progress if failed else 100
    with transaction.atomic():
        run.save()
        audit_record(
            actor=actor, action="screening.run", object_type="supervision.screening_run",
            object_id=run.pk, outcome="error" if failed else "ok",
            extra={"engine": run.engine, "rules": run.rules, "hits": run.hits,
                   "opened": run.opened, "seen_again": run.seen_again},
        )  # fmt: skip
    return run


def _resolve(kind: str, keys: Sequence[str]) -> dict[str, Target]:
    """Subject keys → database rows (persons by blind index, claims, employers)."""
    if kind == "person":
        rows = Person.objects.filter(id_number_index__in=keys)
        return {k: Target(pk, None, None, d) for k, pk, d in
                rows.values_list("id_number_index", "id", "district")}  # fmt: skip
    if kind == "claim":
        claims = Claim.objects.filter(claim_id__in=keys)
        fields = ("claim_id", "id", "person_id", "institution_region")
        return {k: Target(p, None, pk, r) for k, pk, p, r in claims.values_list(*fields)}
    employers = Employer.objects.filter(uscc__in=keys)
    return {k: Target(None, pk, None, r) for k, pk, r in
            employers.values_list("uscc", "id", "region")}  # fmt: skip


def _refresh(cases: list[ScreeningCase], details: dict[str, str], run: ScreeningRun,
             now: datetime) -> None:  # fmt: skip
    for case in cases:
        case.last_seen, case.last_run, case.detail = now, run, details[case.subject_key]
    ScreeningCase.objects.bulk_update(cases, ["last_seen", "last_run", "detail"])


def _open(rule: Rule, fresh: dict[str, str], run: ScreeningRun, now: datetime,
          actor: Actor) -> tuple[int, int]:  # fmt: skip
    """New cases for ``fresh`` (key → detail): (opened, unresolved)."""
    targets = _resolve(rule.subject, list(fresh))
    cases = [
        ScreeningCase(
            rule=rule.code,
            subject_kind=rule.subject,
            subject_key=key,
            person_id=t.person_id,
            employer_id=t.employer_id,
            claim_id=t.claim_id,
            status=CaseStatus.NEW,
            detail=fresh[key],
            district=t.district,
            first_seen=now,
            last_seen=now,
            first_run=run,
            last_run=run,
        )  # fmt: skip
        for key, t in targets.items()
    ]
    ScreeningCase.objects.bulk_create(cases)
    CaseEvent.objects.bulk_create(
        CaseEvent(case=c, action=CaseAction.OPEN, to_status=CaseStatus.NEW, actor_id=actor.pk,
                  actor_name=actor.get_username()[:150], at=now, note=f"run #{run.pk}")
        for c in cases
    )  # fmt: skip
    return len(cases), len(fresh) - len(cases)


def _record_chunk(
    actor: Actor, run: ScreeningRun, rule: Rule, rows: list[dict[str, str]]
) -> IntakeResult:
    details = {r["subject"]: r["detail"] for r in rows}
    now = clock.now()
    with transaction.atomic():
        existing = list(
            ScreeningCase.objects.select_for_update()
            .filter(rule=rule.code, subject_key__in=list(details), status__in=OPEN_STATUSES)
        )  # fmt: skip
        _refresh(existing, details, run, now)
        seen = {c.subject_key for c in existing}
        fresh = {k: v for k, v in details.items() if k not in seen}
        opened, unresolved = _open(rule, fresh, run, now, actor) if fresh else (0, 0)
        audit_record(
            actor=actor, action="screening.cases_recorded", object_type="supervision.screening_run",
            object_id=run.pk, extra={"rule": rule.code, "hits": len(rows), "opened": opened,
                                     "seen_again": len(existing), "unresolved": unresolved},
        )  # fmt: skip
    return IntakeResult(len(rows), opened, len(existing), unresolved)


def cases_record_hits(
    *, actor: Actor, run: ScreeningRun, rule: Rule, hits: pa.Table, chunk: int = CHUNK
) -> IntakeResult:
    """Write one rule's hits (``rule, subject, detail``) into cases, chunk by chunk."""
    total = IntakeResult()
    for batch in _batches(hits, chunk):
        total.add(_record_chunk(actor, run, rule, batch))
    return total


def _batches(hits: pa.Table, size: int) -> Iterable[list[dict[str, str]]]:
    for batch in hits.to_batches(max_chunksize=size):
        rows = batch.to_pylist()
        if rows:
            yield rows
