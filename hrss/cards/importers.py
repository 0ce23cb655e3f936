"""Importer of ``cards.csv``: card numbers, issuing region, status (interchange.md)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from hrss.audit.importing import AuditedImporter
from hrss.cards.models import CURRENT_STATUSES, Card
from hrss.core import clock
from hrss.core.bulk import DuplicateTracker, FileSpec, Prepared, Reject, SourceRow
from hrss.core.bulkwrite import insert_ignoring_duplicates
from hrss.core.errors import DomainError
from hrss.core.parsing import parse_date
from hrss.registry.importers import References, db_date, db_datetime
from hrss.registry.selectors import region_checker

CARD_NUMBER_RE = re.compile(r"^[0-9A-Z]{9}$")
FILE_STATUSES = ("active", "temporary_loss", "lost", "replaced", "cancelled")


def clean_card(
    *, card_number: str, issuing_region: str, status: str, issued_on: str, is_region: Any
) -> tuple[str, str, str, Any]:
    number = card_number.strip().upper()
    if not CARD_NUMBER_RE.match(number):
        raise DomainError("cards.bad_card_number", "社会保障卡卡号应为9位数字或大写字母")
    if not is_region(issuing_region.strip()):
        raise DomainError(
            "registry.unknown_region", f"发卡地“{issuing_region}”不是有效的行政区划代码"
        )
    if status.strip() not in FILE_STATUSES:
        raise DomainError(
            "cards.bad_status", "卡状态应为 active、temporary_loss、lost、replaced 或 cancelled"
        )
    issued = parse_date(issued_on, field="issued_on") if issued_on.strip() else None
    return number, issuing_region.strip(), status.strip(), issued


class CardImporter(AuditedImporter):
    spec = FileSpec(
        "cards", ("id_number", "card_number", "issuing_region", "status"), ("issued_on",)
    )
    FIELDS = ("person", "card_number", "issuing_region", "status", "issued_on", "created_at")

    def __init__(self, **kw: Any) -> None:
        super().__init__(**kw)
        self.is_region = region_checker()
        self.numbers = DuplicateTracker("卡号")
        self.current = DuplicateTracker("该人员的在用卡")

    def _item(self, row: SourceRow, refs: References, now: Any) -> tuple[Any, ...]:
        v = row.values
        number, region, status, issued = clean_card(
            card_number=v["card_number"],
            issuing_region=v["issuing_region"],
            status=v["status"],
            issued_on=v.get("issued_on", ""),
            is_region=self.is_region,
        )
        return (refs.person_id(row), number, region, status, db_date(issued), now)

    def prepare(self, rows: Sequence[SourceRow]) -> Prepared:
        out, refs, now = Prepared(), References(rows), db_datetime(clock.now())
        in_use = {
            person: (region, number)
            for person, region, number in Card.objects.filter(
                person_id__in=set(refs.persons.values()), status__in=CURRENT_STATUSES
            ).values_list("person_id", "issuing_region", "card_number")
        }
        for row in rows:
            try:
                item = self._item(row, refs, now)
            except DomainError as error:
                out.rejects.append(Reject.from_error(row, error))
                continue
            out.add(item, self._conflict(item, row, in_use))
        return out

    def _conflict(
        self, item: tuple[Any, ...], row: SourceRow, in_use: dict[int, Any]
    ) -> Reject | None:
        duplicate = self.numbers.check((item[2], item[1]), row)
        if duplicate is not None or item[3] not in CURRENT_STATUSES:
            return duplicate
        other = in_use.get(item[0])
        if self.current.check(item[0], row) or (other and other != (item[2], item[1])):
            return Reject(row, "cards.already_active", "一人只能有一张在用的社会保障卡")
        return None

    def write(self, items: Sequence[Any]) -> tuple[int, int]:
        written = insert_ignoring_duplicates(Card, self.FIELDS, items)
        return written, len(items) - written


IMPORTERS = {"cards": CardImporter}
