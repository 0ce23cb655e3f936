"""Background jobs: the screening run behind a supervisor's button.

Thin and idempotent: a second run adds no duplicate case (one open case per rule
and subject) nor proactive task, and a run while another is queued or running is
refused (``ScreeningBusy``). The page records a queued run first
(:func:`hrss.supervision.runs.screening_request`) and passes its id, so that the
run's stage and percentage are on the page from the first second; the job
updates them as it goes. A ``hrss db_worker`` process runs it.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django_tasks import task

from hrss.core.actors import SystemActor
from hrss.supervision.intake import IntakeResult, run_finish
from hrss.supervision.models import ScreeningRun
from hrss.supervision.progress import SNAPSHOT_END, Progress
from hrss.supervision.screening import ScreeningOutcome, screening_run
from hrss.supervision.snapshot import take_snapshot


@task()
def screening_task(
    rules: str = "", engine: str = "duckdb", as_of: str = "", refresh_snapshot: bool = True,
    requested_by: str = "", run_id: int = 0, retirement: bool = True,
) -> dict[str, Any]:  # fmt: skip
    """Refresh the snapshot (file engines), run the rules, open cases and proactive
    tasks; JSON summary. ``run_id``: the queued run record to fill in."""
    actor = SystemActor(f"screen:task:{requested_by or 'system'}")
    run = ScreeningRun.objects.filter(pk=run_id).first() if run_id else None
    try:
        outcome = _screen(actor, run, rules, engine, as_of, refresh_snapshot, retirement)
    except Exception as error:
        if run is not None:
            run.refresh_from_db()
            if run.status == ScreeningRun.Status.QUEUED:  # failed before the rules began
                run_finish(actor=actor, run=run, result=IntakeResult(), failed=repr(error))
        raise
    done = outcome.run
    return {
        "run": done.pk if done else None,
        "hits": outcome.intake.hits,
        "opened": outcome.intake.opened,
        "seen_again": outcome.intake.seen_again,
        "unresolved": outcome.intake.unresolved,
        "tasks_opened": outcome.tasks_opened,
        "rules": {r.rule.code: r.hits.num_rows for r in outcome.runs},
    }


def _screen(
    actor: SystemActor, run: ScreeningRun | None, rules: str, engine: str, as_of: str,
    refresh_snapshot: bool, retirement: bool,
) -> ScreeningOutcome:  # fmt: skip
    if refresh_snapshot and engine != "postgres":
        progress = Progress(run)
        progress.stage("正在导出分析快照", 1)
        take_snapshot()
        progress.stage("分析快照已导出", SNAPSHOT_END)
    return screening_run(
        actor=actor, engine=engine, rules=rules or None,
        as_of=date.fromisoformat(as_of) if as_of else None, run=run, retirement=retirement,
    )  # fmt: skip
