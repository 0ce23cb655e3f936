"""Starting a screening from the supervisors' page, and reading the runs.

:func:`screening_request` records a **queued** run at once (so the page has a run
to show, with its stage and percentage, from the first second) and enqueues the
background job after the commit. Only supervisors start runs; a run is refused
while another is queued or running (``supervision.screening_running``).
"""

from __future__ import annotations

from datetime import date, timedelta

from django.db import connection, transaction
from django.db.models import QuerySet

from hrss.analytics.engines import ENGINES
from hrss.analytics.rules import select_rules
from hrss.audit.services import audit_record
from hrss.core import clock
from hrss.core.actors import Actor
from hrss.core.errors import DomainError, NotFound
from hrss.iam.models import Role
from hrss.supervision.errors import CaseNotAllowed, ScreeningBusy
from hrss.supervision.intake import ACTIVE_RUN_STATUSES, STALE_RUN_HOURS, run_busy
from hrss.supervision.models import ScreeningRun

RECENT_RUNS = 10


def engine_choices() -> list[str]:
    """Engines this installation can run (``postgres`` only on PostgreSQL)."""
    return [e for e in ENGINES if e != "postgres" or connection.vendor == "postgresql"]


def _check_request(actor: Actor, engine: str) -> None:
    if actor.role != Role.SUPERVISOR:
        raise CaseNotAllowed("supervision.run_not_allowed", "只有监督管理人员可以发起筛查")
    if engine not in engine_choices():
        raise DomainError("supervision.unknown_engine", f"不能使用的计算引擎: {engine}")


def screening_request(
    *, actor: Actor, rules: list[str], engine: str = "duckdb", as_of: date | None = None,
    retirement: bool = True,
) -> ScreeningRun:  # fmt: skip
    """Queue a screening (all rules when ``rules`` is empty); audited."""
    _check_request(actor, engine)
    chosen = [r.code for r in select_rules(rules or None)]
    day = as_of or clock.today()
    with transaction.atomic():
        if run_busy():
            raise ScreeningBusy()
        run = ScreeningRun.objects.create(
            started_at=clock.now(), engine=engine, rules=",".join(chosen), as_of=day,
            status=ScreeningRun.Status.QUEUED, actor_name=actor.get_username()[:150],
            stage="排队中,等待后台任务开始", progress=0,
        )  # fmt: skip
        audit_record(
            actor=actor, action="screening.request", object_type="supervision.screening_run",
            object_id=run.pk, extra={"engine": engine, "rules": run.rules, "as_of": str(day)},
        )  # fmt: skip
        transaction.on_commit(lambda: _enqueue(run, actor, retirement))
    return run


def _enqueue(run: ScreeningRun, actor: Actor, retirement: bool) -> None:
    from hrss.supervision.tasks import screening_task

    screening_task.enqueue(
        rules=run.rules, engine=run.engine, as_of=run.as_of.isoformat(),
        requested_by=actor.get_username(), run_id=run.pk, retirement=retirement,
    )  # fmt: skip


def run_list(*, actor: Actor, limit: int = RECENT_RUNS) -> QuerySet[ScreeningRun]:
    """The latest runs (supervisors only: a run spans the whole province)."""
    if actor.role != Role.SUPERVISOR:
        return ScreeningRun.objects.none()
    return ScreeningRun.objects.order_by("-started_at", "-id")[:limit]


def access_run_by_id(*, actor: Actor, run_id: int) -> ScreeningRun:
    """One run for a supervisor; not-found for anyone else and for a missing id."""
    run = ScreeningRun.objects.filter(pk=run_id).first()
    if run is None or actor.role != Role.SUPERVISOR:
        raise NotFound()
    return run


def active_run() -> ScreeningRun | None:
    """The run queued or running now (started within the last 12 hours), if any."""
    since = clock.now() - timedelta(hours=STALE_RUN_HOURS)
    runs = ScreeningRun.objects.filter(status__in=ACTIVE_RUN_STATUSES, started_at__gte=since)
    return runs.order_by("-started_at").first()
