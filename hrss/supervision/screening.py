"""The screening job: run the rules on an engine and turn the hits into cases.

Used by ``hrss screen`` and by the background task (:mod:`hrss.supervision.tasks`).
The rules themselves live in :mod:`hrss.analytics.rules`; here they meet the
database (the run record, the cases) through :mod:`hrss.supervision.intake`, and
proactive service (F07, F08, retirement age) through :mod:`hrss.supervision.proactive`.
A recorded run reports its stage and percentage on the run record
(:mod:`hrss.supervision.progress`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from hrss.analytics.context import RuleContext
from hrss.analytics.engines import Engine
from hrss.analytics.rules import Rule, select_rules
from hrss.analytics.screening import RuleRun, context_for, run_rule
from hrss.core import clock
from hrss.core.actors import Actor
from hrss.supervision import proactive
from hrss.supervision.intake import IntakeResult, cases_record_hits, run_finish, run_start
from hrss.supervision.models import ProactiveKind, ScreeningRun
from hrss.supervision.progress import PROACTIVE_END, RULES_END, Progress
from hrss.supervision.snapshot import open_engine


@dataclass
class ScreeningOutcome:
    """What a screening did: each rule's hits and, if recorded, the run and its cases."""

    runs: list[RuleRun] = field(default_factory=list)
    intake: IntakeResult = field(default_factory=IntakeResult)
    run: ScreeningRun | None = None
    tasks_opened: int = 0


@dataclass
class _Job:
    """One screening's state while it runs."""

    actor: Actor
    engine: Engine
    ctx: RuleContext
    outcome: ScreeningOutcome
    progress: Progress
    on_rule: Callable[[RuleRun, IntakeResult], None] | None


def screening_run(
    *,
    actor: Actor,
    engine: str = "duckdb",
    rules: str | list[str] | None = None,
    snapshot: Path | None = None,
    as_of: date | None = None,
    record: bool = True,
    on_rule: Callable[[RuleRun, IntakeResult], None] | None = None,
    session: Any = None,
    run: ScreeningRun | None = None,
    retirement: bool = False,
) -> ScreeningOutcome:
    """Run ``rules`` (all by default) on ``engine``; with ``record``, write cases, the
    proactive tasks of F07/F08 hits and, with ``retirement``, of persons at retirement
    age. ``run``: a queued run record to use (the page's button); its progress so far
    (a snapshot taken first) is where the rules' share of the bar begins.

    ``on_rule`` is told after each rule (a progress display). A failure marks the
    run record failed, keeps the cases written so far, and re-raises.
    """
    chosen = select_rules(rules)
    day = as_of or clock.today()
    eng = open_engine(engine, snapshot=snapshot, session=session)
    outcome = ScreeningOutcome()
    try:
        job = _Job(actor, eng, context_for(eng, day), outcome,
                   Progress(None, run.progress if run else 0), on_rule)  # fmt: skip
        if record:
            outcome.run = run_start(
                actor=actor, engine=engine, rules=[r.code for r in chosen], as_of=day, run=run
            )
            job.progress.run = outcome.run
        _all(job, chosen, retirement=retirement)
    except Exception as error:
        if outcome.run is not None:
            run_finish(actor=actor, run=outcome.run, result=outcome.intake, failed=repr(error))
        raise
    finally:
        eng.close()
    if outcome.run is not None:
        outcome.run.tasks_opened = outcome.tasks_opened
        run_finish(actor=actor, run=outcome.run, result=outcome.intake)
    return outcome


def _all(job: _Job, chosen: list[Rule], *, retirement: bool) -> None:
    for i, rule in enumerate(chosen):
        job.progress.rule(i, len(chosen), rule.code, rule.title)
        _one(job, rule)
    if job.outcome.run is not None and retirement:
        _retirement(job)


def _one(job: _Job, rule: Rule) -> None:
    done = run_rule(job.engine, rule, job.ctx)
    outcome = job.outcome
    outcome.runs.append(done)
    got = IntakeResult(hits=done.hits.num_rows)
    if outcome.run is not None:
        got = cases_record_hits(actor=job.actor, run=outcome.run, rule=rule, hits=done.hits)
        outcome.intake.add(got)
        outcome.tasks_opened += proactive.tasks_from_hits(
            actor=job.actor, run=outcome.run, rule=rule.code, hits=done.hits
        )
    if job.on_rule:
        job.on_rule(done, got)


def _retirement(job: _Job) -> None:
    """政策找人: persons at retirement age with enough contribution, no pension."""
    assert job.outcome.run is not None
    job.progress.stage("正在查找到龄可申领养老金人员", RULES_END)
    found = proactive.retirement_found(job.engine, job.engine.tables, job.ctx)
    job.outcome.tasks_opened += proactive.tasks_record(
        actor=job.actor, run=job.outcome.run, kind=ProactiveKind.PENSION, found=found
    )
    job.progress.stage("正在汇总结果", PROACTIVE_END)
