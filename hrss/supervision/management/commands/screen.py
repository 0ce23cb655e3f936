"""``hrss screen``: run the screening rules, open cases, export or evaluate hits.

    hrss screen [--rules F01,M03] [--engine duckdb|pyspark|postgres] [--snapshot DIR]
                [--as-of YYYY-MM-DD] [--hits-out FILE] [--evaluate GROUND_TRUTH] [--no-cases]
            [--retirement]

DuckDB and PySpark read the snapshot (``hrss snapshot`` first); PostgreSQL reads
the live tables. ``--hits-out`` writes ``rule,subject,detail`` with ID numbers in
clear (the staff's own export, audited); ``--evaluate`` prints precision and
recall per rule against a ``ground_truth.csv``. F07 and F08 hits also become
proactive-service tasks (政策找人); ``--retirement`` adds the persons at retirement
age with enough contribution who draw no pension. Exit 0 on success.
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from tqdm import tqdm

from hrss.analytics.engines import ENGINES
from hrss.analytics.rules import select_rules
from hrss.analytics.screening import RuleRun
from hrss.core.actors import SystemActor
from hrss.core.errors import DomainError
from hrss.supervision.evaluation import evaluate, write_hits
from hrss.supervision.intake import IntakeResult
from hrss.supervision.screening import screening_run


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise CommandError(f"--as-of must be YYYY-MM-DD, not {text!r}") from None


class Command(BaseCommand):
    help = "运行基金监管筛查规则并生成案件 (run screening rules, open cases)"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--rules", default="", help="comma-separated codes (default: all)")
        parser.add_argument("--engine", choices=ENGINES, default="duckdb")
        parser.add_argument("--snapshot", type=Path, default=None, help="snapshot folder")
        parser.add_argument("--as-of", type=_day, default=None, help="screening date (today)")
        parser.add_argument("--hits-out", type=Path, default=None, help="CSV of the hits")
        parser.add_argument("--evaluate", type=Path, default=None, help="ground_truth.csv")
        parser.add_argument("--no-cases", action="store_true", help="do not write cases")
        parser.add_argument(
            "--retirement", action="store_true", help="proactive tasks: retirement age reached"
        )
        parser.add_argument("--no-progress", action="store_true")

    def handle(self, *args: Any, **options: Any) -> None:
        actor = SystemActor("screen:cli")
        try:
            rules = select_rules(options["rules"] or None)
        except DomainError as error:
            raise CommandError(error.message) from None
        bar = tqdm(total=len(rules), unit=" rule", file=sys.stderr,
                   disable=options["no_progress"])  # fmt: skip

        def on_rule(done: RuleRun, got: IntakeResult) -> None:
            bar.set_postfix_str(f"{done.rule.code}: {done.hits.num_rows} hits")
            bar.update(1)
            tqdm.write(self._rule_line(done, got), file=sys.stdout)

        try:
            outcome = screening_run(
                actor=actor, engine=options["engine"], rules=[r.code for r in rules],
                snapshot=options["snapshot"], as_of=options["as_of"],
                record=not options["no_cases"], on_rule=on_rule,
                retirement=options["retirement"],
            )  # fmt: skip
        except DomainError as error:
            raise CommandError(f"{error.code}: {error.message}") from None
        finally:
            bar.close()
        self._outputs(actor, outcome.runs, options)

    def _rule_line(self, done: RuleRun, got: IntakeResult) -> str:
        return (
            f"{done.rule.code} {done.rule.title}: {done.hits.num_rows} hits "
            f"({done.seconds:.1f} s), {got.opened} new cases, {got.seen_again} seen again"
        )

    def _outputs(self, actor: SystemActor, runs: list[RuleRun], options: dict[str, Any]) -> None:
        if options["hits_out"]:
            rows = write_hits(actor=actor, runs=runs, path=options["hits_out"])
            self.stdout.write(f"hits: {rows} rows in {options['hits_out']}")
        if options["evaluate"]:
            try:
                scores = evaluate(runs, options["evaluate"])
            except DomainError as error:
                raise CommandError(f"{error.code}: {error.message}") from None
            for s in scores:
                self.stdout.write(s.line())
