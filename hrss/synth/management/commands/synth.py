"""``hrss synth --persons N --seed S --out DIR [--months 24] [--as-of YYYY-MM-DD] [--workers W]``.

Writes a synthetic Hubei population in the interchange formats plus
``ground_truth.csv`` (see hrss/synth/README.md). Needs no database.
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from hrss.synth.generator import DEFAULT_AS_OF, Settings, check_settings, generate
from hrss.synth.planting import MIN_PERSONS


def _as_of(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise CommandError(f"--as-of must be YYYY-MM-DD, not {text!r}", returncode=2) from None


class Command(BaseCommand):
    help = "生成合成人口及其异常样本 (write a synthetic population with planted anomalies)"
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--persons", type=int, required=True, help=f"≥ {MIN_PERSONS}")
        parser.add_argument("--seed", type=int, required=True)
        parser.add_argument("--out", required=True, help="output directory (created)")
        parser.add_argument(
            "--months", type=int, default=24, help="months of monthly records (12–120)"
        )
        parser.add_argument("--as-of", default=DEFAULT_AS_OF.isoformat(), help="YYYY-MM-DD")
        parser.add_argument(
            "--workers",
            type=int,
            default=min(2, os.cpu_count() or 1),
            help="worker processes (output is identical for any number)",
        )
        parser.add_argument("--no-progress", action="store_true", help="no progress bar")

    def handle(self, *args: Any, **options: Any) -> None:
        settings = Settings(
            persons=options["persons"],
            seed=options["seed"],
            out=Path(options["out"]),
            months=options["months"],
            as_of=_as_of(options["as_of"]),
            workers=max(1, options["workers"]),
            progress=not options["no_progress"],
        )
        try:
            check_settings(settings)
        except ValueError as error:
            raise CommandError(str(error), returncode=2) from None
        summary = generate(settings)
        rate = settings.persons / summary.seconds if summary.seconds else 0.0
        self.stdout.write(
            f"wrote {settings.out} in {summary.seconds:.1f} s ({rate:,.0f} persons/s)"
        )
        for name, rows in sorted(summary.rows.items()):
            self.stdout.write(f"  {name}.csv: {rows:,} rows")
        planted = ", ".join(f"{rule} {n}" for rule, n in sorted(summary.planted.items()))
        self.stdout.write(f"  planted: {planted}")
