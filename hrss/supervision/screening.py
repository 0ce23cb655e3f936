"""The screening job: run the rules on an engine and turn the hits into cases.

Used by ``hrss screen`` and by the background task (:mod:`hrss.supervision.tasks`).
The rules themselves live in :mod:`hrss.analytics.rules`; here they meet the
database (the run record, the cases) through :mod:`hrss.supervision.intake`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from hrss.analytics.rules import Rule, select_rules
from hrss.analytics.screening import RuleRun, context_for, run_rule
from hrss.core import clock
from hrss.core.actors import Actor
from hrss.supervision.intake import IntakeResult, cases_record_hits, run_finish, run_start
from hrss.supervision.models import ScreeningRun
from hrss.supervision.snapshot import open_engine


@dataclass
class ScreeningOutcome:
    """What a screening did: each rule's hits and, if recorded, the run and its cases."""

    runs: list[RuleRun] = field(default_factory=list)
    intake: IntakeResult = field(default_factory=IntakeResult)
    run: ScreeningRun | None = None


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
) -> ScreeningOutcome:
    """Run ``rules`` (all by default) on ``engine``; with ``record``, write cases.

    ``on_rule`` is told after each rule (a progress display). A failure marks the
    run record failed, keeps the cases written so far, and re-raises.
    """
    chosen = select_rules(rules)
    day = as_of or clock.today()
    eng = open_engine(engine, snapshot=snapshot, session=session)
    outcome = ScreeningOutcome()
    try:
        ctx = context_for(eng, day)
        if record:
            outcome.run = run_start(
                actor=actor, engine=engine, rules=[r.code for r in chosen], as_of=day
            )
        for rule in chosen:
            _one(actor, eng, rule, ctx, outcome, on_rule)
    except Exception as error:
        if outcome.run is not None:
            run_finish(actor=actor, run=outcome.run, result=outcome.intake, failed=repr(error))
        raise
    finally:
        eng.close()
    if outcome.run is not None:
        run_finish(actor=actor, run=outcome.run, result=outcome.intake)
    return outcome


def _one(
    actor: Actor,
    eng: Any,
    rule: Rule,
    ctx: Any,
    outcome: ScreeningOutcome,
    on_rule: Callable[[RuleRun, IntakeResult], None] | None,
) -> None:
    done = run_rule(eng, rule, ctx)
    outcome.runs.append(done)
    got = IntakeResult(hits=done.hits.num_rows)
    if outcome.run is not None:
        got = cases_record_hits(actor=actor, run=outcome.run, rule=rule, hits=done.hits)
        outcome.intake.add(got)
    if on_rule:
        on_rule(done, got)
