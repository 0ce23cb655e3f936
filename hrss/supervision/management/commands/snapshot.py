"""``hrss snapshot [--out DIR] [--full] [--chunk N]``: refresh the Parquet snapshot.

Exports the registry, insurance, card and claim tables the screening rules read
(``hrss.analytics.schema``) to ``DIR`` (default ``VAR_DIR/snapshots``): time-series
tables incrementally (new rows appended as a part file), the others in full.
Persons carry only their blind index, never an encrypted or clear ID number.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from tqdm import tqdm

from hrss.analytics.snapshot import DEFAULT_CHUNK
from hrss.supervision.snapshot import default_folder, take_snapshot


class Command(BaseCommand):
    help = "导出分析快照 (export the tables screening reads to Parquet, incrementally)"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--out", type=Path, default=None, help="folder (VAR_DIR/snapshots)")
        parser.add_argument("--full", action="store_true", help="re-export every table in full")
        parser.add_argument("--chunk", type=int, default=DEFAULT_CHUNK, help="rows per read")
        parser.add_argument("--no-progress", action="store_true")

    def handle(self, *args: Any, **options: Any) -> None:
        folder: Path = options["out"] or default_folder()
        bar = tqdm(unit=" rows", file=sys.stderr, disable=options["no_progress"])

        def progress(table: str, rows: int) -> None:
            bar.set_description(table)
            bar.update(rows)

        try:
            reports = take_snapshot(
                folder, full=options["full"], chunk=max(1, options["chunk"]), progress=progress
            )
        finally:
            bar.close()
        for r in reports:
            how = "full" if r.full else "appended"
            self.stdout.write(f"{r.name}: {r.written} rows {how}, {r.total} in snapshot")
        self.stdout.write(f"snapshot: {folder}")
