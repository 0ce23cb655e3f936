"""How far a screening run is: a stage in words and a percentage, on the run record.

The job writes both with a plain ``UPDATE`` outside any transaction (autocommit), so
the supervisors' page, served by another process, sees them at once; the page can
be left and come back to. Percentages: snapshot 0–20, rules up to 95, proactive
service up to 99, finished 100 (set by ``intake.run_finish``).
"""

from __future__ import annotations

from dataclasses import dataclass

from hrss.supervision.models import ScreeningRun

SNAPSHOT_END = 20
RULES_END = 95
PROACTIVE_END = 99


@dataclass
class Progress:
    """Progress reporting for one run (``run`` None: a run that is not recorded)."""

    run: ScreeningRun | None
    rules_from: int = 0

    def stage(self, text: str, percent: int) -> None:
        """Record ``text`` and ``percent`` (never backwards) on the run."""
        run = self.run
        if run is None or run.pk is None:
            return
        run.stage, run.progress = text[:80], max(run.progress, min(percent, 100))
        ScreeningRun.objects.filter(pk=run.pk).update(stage=run.stage, progress=run.progress)

    def rule(self, done: int, total: int, code: str, title: str) -> None:
        """Before rule ``done + 1`` of ``total`` starts."""
        span = RULES_END - self.rules_from
        percent = self.rules_from + span * done // max(total, 1)
        self.stage(f"正在筛查 {code} {title}({done + 1}/{total})", percent)
