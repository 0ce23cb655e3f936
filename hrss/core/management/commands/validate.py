"""``hrss validate id|uscc VALUE... [--file F]``: check identifiers, one line each.

Prints ``value<TAB>ok`` or ``value<TAB>error.code`` per value; exits 0 when every
value is valid, 1 when any failed (2 for a usage error). Needs no database.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from hrss.core.errors import DomainError
from hrss.core.identifiers import parse_id_number, parse_uscc

PARSERS: dict[str, Callable[[str], object]] = {"id": parse_id_number, "uscc": parse_uscc}


def read_values(path: str) -> list[str]:
    """Non-blank lines of a UTF-8 file (a leading BOM is ignored)."""
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise CommandError(f"cannot read {path}: {exc}", returncode=2) from None
    return [line.strip() for line in text.splitlines() if line.strip()]


def check(kind: str, value: str) -> str:
    """``ok`` or the :class:`DomainError` code for ``value``."""
    try:
        PARSERS[kind](value)
    except DomainError as exc:
        return exc.code
    return "ok"


class Command(BaseCommand):
    help = "校验身份证号码或统一社会信用代码 (validate ID numbers or USCCs)"
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("kind", choices=sorted(PARSERS), help="id 或 uscc")
        parser.add_argument("values", nargs="*", metavar="VALUE")
        parser.add_argument("--file", help="one value per line (UTF-8, BOM allowed)")

    def handle(self, *args: Any, **options: Any) -> None:
        values = list(options["values"])
        if options["file"]:
            values += read_values(options["file"])
        if not values:
            raise CommandError("give at least one VALUE or --file", returncode=2)
        failed = self.report(options["kind"], values)
        if failed:
            raise CommandError(f"{failed} of {len(values)} value(s) invalid", returncode=1)

    def report(self, kind: str, values: Iterable[str]) -> int:
        failed = 0
        for value in values:
            outcome = check(kind, value)
            failed += outcome != "ok"
            self.stdout.write(f"{value}\t{outcome}")
        return failed
