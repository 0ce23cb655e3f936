"""Background jobs: the screening run behind a supervisor's button.

Thin and idempotent: a second run adds no duplicate case (one open case per rule
and subject), and a run while another is running is refused (``ScreeningBusy``).
Enqueue with ``screening_task.enqueue(rules="F01,M03")``; a ``hrss db_worker``
process runs it.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django_tasks import task

from hrss.core.actors import SystemActor
from hrss.supervision.screening import screening_run
from hrss.supervision.snapshot import take_snapshot


@task()
def screening_task(
    rules: str = "", engine: str = "duckdb", as_of: str = "", refresh_snapshot: bool = True,
    requested_by: str = "",
) -> dict[str, Any]:  # fmt: skip
    """Refresh the snapshot (file engines), run the rules, open cases; JSON summary."""
    actor = SystemActor(f"screen:task:{requested_by or 'system'}")
    if refresh_snapshot and engine != "postgres":
        take_snapshot()
    outcome = screening_run(
        actor=actor, engine=engine, rules=rules or None,
        as_of=date.fromisoformat(as_of) if as_of else None,
    )  # fmt: skip
    run = outcome.run
    return {
        "run": run.pk if run else None,
        "hits": outcome.intake.hits,
        "opened": outcome.intake.opened,
        "seen_again": outcome.intake.seen_again,
        "unresolved": outcome.intake.unresolved,
        "rules": {r.rule.code: r.hits.num_rows for r in outcome.runs},
    }
