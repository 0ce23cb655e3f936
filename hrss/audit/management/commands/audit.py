"""``hrss audit verify``: recompute the hash chain and report the first broken row."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from hrss.audit.selectors import audit_verify


class Command(BaseCommand):
    help = "审计日志:verify 校验哈希链 (verify the audit hash chain)"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("action", choices=["verify"])

    def handle(self, *args: Any, **options: Any) -> None:
        report = audit_verify()
        if report.ok:
            self.stdout.write(f"ok: {report.checked} rows, chain intact")
            return
        raise CommandError(
            f"broken at row #{report.first_bad_id}: {report.problem} "
            f"({report.checked} rows verified before it)"
        )
