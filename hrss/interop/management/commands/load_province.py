"""``hrss load_province DIR``: import every interchange file found in DIR, in dependency order.

The synthetic generator writes such a folder; so does a legacy-system export. Each
file goes through the same importer as ``hrss import``; a summary line per file.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from tqdm import tqdm

from hrss.core.actors import SystemActor
from hrss.core.bulk import FileError, ImportSummary, run_import
from hrss.interop.importers import IMPORTERS, LOAD_ORDER


class Command(BaseCommand):
    help = "导入一个目录下的全部交换文件 (load every interchange file of a folder, in order)"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("folder", type=Path)
        parser.add_argument("--no-progress", action="store_true")
        parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)

    def handle(self, *args: Any, **options: Any) -> None:
        folder: Path = options["folder"]
        if not folder.is_dir():
            raise CommandError(f"not a folder: {folder}")
        rejected = 0
        for kind in LOAD_ORDER:
            path = folder / f"{kind}.csv"
            if not path.exists():
                continue
            summary = self._load(kind, path, options)
            self.stdout.write(summary.line())
            rejected += summary.rejected
        if rejected:
            self.stderr.write(f"{rejected} rows rejected in all: see the *.rejects.csv files")
            sys.exit(1)

    def _load(self, kind: str, path: Path, options: dict[str, Any]) -> ImportSummary:
        importer = IMPORTERS[kind](actor=SystemActor("import:load_province"), source_name=path.name)
        bar = tqdm(
            total=path.stat().st_size,
            unit="B",
            unit_scale=True,
            file=sys.stderr,
            disable=options["no_progress"],
            desc=kind,
        )
        try:
            return run_import(
                importer, path, progress=bar, workers=max(1, options["workers"]), pipelined=True
            )
        except FileError as error:
            raise CommandError(f"{path.name}: {error.code}: {error.message}") from None
        finally:
            bar.close()
