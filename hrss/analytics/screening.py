"""Run rules on an engine, and score hits against a ground truth.

Pure analytics: no database model, no case handling (that is
:mod:`hrss.supervision`). Hits come back as Arrow tables ``rule, subject,
detail`` sorted by subject, so two engines can be compared row for row.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date

import pyarrow as pa

from hrss.analytics.context import RuleContext
from hrss.analytics.engines import Engine
from hrss.analytics.rules import Rule

HIT_SCHEMA = pa.schema(
    [
        pa.field("rule", pa.string()),
        pa.field("subject", pa.string()),
        pa.field("detail", pa.string()),
    ]
)


@dataclass(frozen=True)
class RuleRun:
    """One rule's hits and how long the engine took."""

    rule: Rule
    hits: pa.Table
    seconds: float


def run_rule(engine: Engine, rule: Rule, ctx: RuleContext) -> RuleRun:
    """Build and execute one rule; hits sorted by subject."""
    started = time.perf_counter()
    table = engine.execute(rule.build(engine.tables, ctx))
    table = table.select(HIT_SCHEMA.names).cast(HIT_SCHEMA).sort_by("subject")
    return RuleRun(rule, table, time.perf_counter() - started)


def run_rules(
    engine: Engine,
    rules: Iterable[Rule],
    ctx: RuleContext,
    *,
    on_done: Callable[[RuleRun], None] | None = None,
) -> list[RuleRun]:
    """Run each rule in turn; ``on_done`` is told after each (a progress display)."""
    runs = []
    for rule in rules:
        run = run_rule(engine, rule, ctx)
        runs.append(run)
        if on_done:
            on_done(run)
    return runs


def context_for(engine: Engine, as_of: date) -> RuleContext:
    """The rule context on ``as_of`` with thresholds from the engine's parameters table."""
    return RuleContext.from_parameters(engine.execute, engine.tables["parameters"], as_of)


@dataclass(frozen=True)
class Score:
    """Precision and recall of one rule against a ground truth."""

    rule: str
    hits: int
    truth: int
    true_positives: int

    @property
    def precision(self) -> float:
        return self.true_positives / self.hits if self.hits else 1.0

    @property
    def recall(self) -> float:
        return self.true_positives / self.truth if self.truth else 1.0

    def line(self) -> str:
        return (
            f"{self.rule}  hits {self.hits:>7}  truth {self.truth:>7}  "
            f"tp {self.true_positives:>7}  precision {self.precision:6.3f}  "
            f"recall {self.recall:6.3f}"
        )


def score(
    hits: Iterable[tuple[str, str]], truth: Iterable[tuple[str, str]], rules: Iterable[str]
) -> list[Score]:
    """Per rule: how many (rule, subject) pairs were hit, planted, and both."""
    found, planted = set(hits), set(truth)
    out = []
    for code in rules:
        mine = {s for r, s in found if r == code}
        real = {s for r, s in planted if r == code}
        out.append(Score(code, len(mine), len(real), len(mine & real)))
    return out
