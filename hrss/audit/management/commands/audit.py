"""``hrss audit verify [--anchor FILE]`` and ``hrss audit anchor --out FILE``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from hrss.audit.anchor import anchor_check, anchor_create
from hrss.audit.selectors import audit_verify


class Command(BaseCommand):
    help = "审计日志:verify 校验哈希链;anchor 导出签名的链头 (verify the chain / anchor its head)"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("action", choices=["verify", "anchor"])
        parser.add_argument("--anchor", type=Path, help="verify: also check this anchor file")
        parser.add_argument("--out", type=Path, help="anchor: write the signed head here")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["action"] == "anchor":
            self._anchor(options["out"])
            return
        report = audit_verify()
        if not report.ok:
            raise CommandError(
                f"broken at row #{report.first_bad_id}: {report.problem} "
                f"({report.checked} rows verified before it)"
            )
        if options["anchor"]:
            check = anchor_check(json.loads(options["anchor"].read_text(encoding="utf-8")))
            if not check.ok:
                raise CommandError(f"anchor check failed: {check.problem}")
        self.stdout.write(f"ok: {report.checked} rows, chain intact")

    def _anchor(self, out: Path | None) -> None:
        text = json.dumps(anchor_create(), ensure_ascii=False, indent=2)
        if out is None:
            self.stdout.write(text)
            return
        out.write_text(text + "\n", encoding="utf-8")
        self.stdout.write(f"anchor written to {out}")
