"""``hrss import <kind> FILE``: load an interchange file (interchange.md).

Valid rows are written in batches, each bad row goes to ``FILE.rejects.csv``
with its row number and error code, a re-run writes nothing twice, and the
command exits non-zero when any row was rejected.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from tqdm import tqdm

from hrss.core.actors import SystemActor
from hrss.core.bulk import FileError, run_import
from hrss.interop.importers import IMPORTERS


class Command(BaseCommand):
    help = "批量导入交换文件 (import an interchange file): hrss import persons persons.csv"
    # Django's system checks load every URL and API schema (seconds); they run at
    # ``migrate`` and when the site starts. Here the schema itself is checked instead.
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("kind", choices=sorted(IMPORTERS))
        parser.add_argument("file", type=Path)
        parser.add_argument("--encoding", default="utf-8", help="utf-8 (default) or gb18030/gbk")
        parser.add_argument("--no-progress", action="store_true")
        parser.add_argument(
            "--workers",
            type=int,
            default=os.cpu_count() or 1,
            help="processes that validate and encrypt rows (default: all cores)",
        )
        parser.add_argument(
            "--source", default="", help="who sent the file (recorded in the audit log)"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path = options["file"]
        if not path.is_file():
            raise CommandError(f"file not found: {path}")
        _require_migrated()
        actor = SystemActor(f"import:{options['source'] or 'cli'}")
        importer = IMPORTERS[options["kind"]](actor=actor, source_name=path.name)
        bar = tqdm(
            total=path.stat().st_size,
            unit="B",
            unit_scale=True,
            file=sys.stderr,
            disable=options["no_progress"],
            desc=options["kind"],
        )
        try:
            summary = run_import(
                importer,
                path,
                encoding=options["encoding"],
                progress=bar,
                workers=max(1, options["workers"]),
                pipelined=True,
            )
        except FileError as error:
            raise CommandError(f"{error.code}: {error.message}") from None
        finally:
            bar.close()
        self.stdout.write(summary.line())
        if summary.rejected:
            self.stderr.write(f"{summary.rejected} rows rejected: see {summary.rejects_path}")
            sys.exit(1)


def _require_migrated() -> None:
    executor = MigrationExecutor(connection)
    if executor.migration_plan(executor.loader.graph.leaf_nodes()):
        raise CommandError("db.not_migrated: 数据库结构尚未就绪,请先运行 hrss migrate")
