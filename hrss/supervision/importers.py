"""Importers of the medical-claims feed: ``claims.csv`` and ``claim_items.csv``."""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal, InvalidOperation
from typing import Any

from hrss.audit.importing import AuditedImporter
from hrss.core.bulk import DuplicateTracker, FileSpec, Prepared, Reject, SourceRow
from hrss.core.bulkwrite import insert_ignoring_duplicates
from hrss.core.crypto import sm3_hex
from hrss.core.errors import DomainError
from hrss.core.money import parse_money
from hrss.core.parsing import parse_date
from hrss.registry.importers import References, db_date
from hrss.registry.selectors import region_checker
from hrss.registry.validation import Collector
from hrss.supervision.models import Claim, ClaimItem, ItemType, Restriction, VisitType

ICD10_RE = re.compile(r"^[A-Z][0-9]{2}(\.[0-9A-Z]{1,4})?$")
CLAIM_ID_RE = re.compile(r"^[0-9A-Za-z_-]{1,40}$")


def _choice(value: str, choices: list[str], code: str, message: str) -> str:
    if value.strip() not in choices:
        raise DomainError(code, message)
    return value.strip()


def clean_claim(v: dict[str, str], is_region: Any) -> dict[str, Any]:
    """One claim's rules; every problem is reported together."""
    c = Collector()
    if not CLAIM_ID_RE.match(v["claim_id"].strip()):
        c.add("supervision.bad_claim_id", "结算单号应为1–40位字母、数字、-或_", "claim_id")
    if not v["institution_code"].strip():
        c.add("supervision.institution_required", "定点医药机构编码不能为空", "institution_code")
    if not is_region(v["institution_region"].strip()):
        c.add("registry.unknown_region", "机构所在地不是有效的行政区划代码", "institution_region")
    visit = c.run(
        "visit_type",
        lambda: _choice(
            v["visit_type"],
            VisitType.values,
            "supervision.bad_visit_type",
            "就诊类型应为 outpatient 或 inpatient",
        ),
    )
    admitted = c.run(
        "admission_date", lambda: parse_date(v["admission_date"], field="admission_date")
    )
    raw_discharge = v.get("discharge_date", "").strip()
    discharged = (
        c.run("discharge_date", lambda: parse_date(raw_discharge, field="discharge_date"))
        if raw_discharge
        else None
    )
    if visit == VisitType.INPATIENT and not raw_discharge:
        c.add("supervision.discharge_required", "住院结算须填写出院日期", "discharge_date")
    if admitted and discharged and discharged < admitted:
        c.add(
            "supervision.discharge_before_admission", "出院日期不能早于入院日期", "discharge_date"
        )
    if not ICD10_RE.match(v["diagnosis"].strip().upper()):
        c.add("supervision.bad_diagnosis", "诊断应为 ICD-10 编码,如 J18.9", "diagnosis")
    total = c.run("total_amount", lambda: parse_money(v["total_amount"]))
    fund = c.run("fund_amount", lambda: parse_money(v["fund_amount"]))
    if total is not None and fund is not None and fund > total:
        c.add("supervision.fund_exceeds_total", "统筹支付不能大于总费用", "fund_amount")
    settled = c.run("settled_on", lambda: parse_date(v["settled_on"], field="settled_on"))
    if settled and admitted and settled < admitted:
        c.add("supervision.settled_before_admission", "结算日期不能早于就诊日期", "settled_on")
    c.raise_if_any()
    return {
        "claim_id": v["claim_id"].strip(),
        "visit": visit,
        "admitted": admitted,
        "discharged": discharged,
        "total": total,
        "fund": fund,
        "settled": settled,
    }


class ClaimImporter(AuditedImporter):
    spec = FileSpec(
        "claims",
        (
            "claim_id",
            "id_number",
            "institution_code",
            "institution_region",
            "visit_type",
            "admission_date",
            "diagnosis",
            "total_amount",
            "fund_amount",
            "settled_on",
        ),
        ("discharge_date",),
    )
    FIELDS = (
        "claim_id",
        "person",
        "institution_code",
        "institution_region",
        "visit_type",
        "admission_date",
        "discharge_date",
        "diagnosis",
        "total_amount",
        "fund_amount",
        "settled_on",
    )

    def __init__(self, **kw: Any) -> None:
        super().__init__(**kw)
        self.is_region = region_checker()
        self.duplicates = DuplicateTracker("结算单号")

    def _item(self, row: SourceRow, refs: References) -> tuple[Any, ...]:
        v = row.values
        d = clean_claim(v, self.is_region)
        return (
            d["claim_id"],
            refs.person_id(row),
            v["institution_code"].strip(),
            v["institution_region"].strip(),
            d["visit"],
            db_date(d["admitted"]),
            db_date(d["discharged"]),
            v["diagnosis"].strip().upper(),
            d["total"],
            d["fund"],
            db_date(d["settled"]),
        )

    def prepare(self, rows: Sequence[SourceRow]) -> Prepared:
        out, refs = Prepared(), References(rows)
        for row in rows:
            try:
                item = self._item(row, refs)
            except DomainError as error:
                out.rejects.append(Reject.from_error(row, error))
                continue
            out.add(item, self.duplicates.check(item[0], row))
        return out

    def write(self, items: Sequence[Any]) -> tuple[int, int]:
        written = insert_ignoring_duplicates(Claim, self.FIELDS, items)
        return written, len(items) - written


def _decimal(raw: str, field: str, *, positive: bool) -> Decimal:
    try:
        value = Decimal(raw.strip())
    except InvalidOperation:
        raise DomainError(
            "supervision.bad_number", f"“{raw}”不是有效的数字", extra={"field": field}
        ) from None
    if not value.is_finite() or value < 0 or (positive and value == 0):
        raise DomainError(
            "supervision.bad_number",
            f"“{raw}”应为{'正数' if positive else '非负数'}",
            extra={"field": field},
        )
    return value


def clean_claim_item(v: dict[str, str]) -> dict[str, Any]:
    c = Collector()
    kind = c.run(
        "item_type",
        lambda: _choice(
            v["item_type"],
            ItemType.values,
            "supervision.bad_item_type",
            "类别应为 drug、service 或 material",
        ),
    )
    quantity = c.run("quantity", lambda: _decimal(v["quantity"], "quantity", positive=True))
    price = c.run("unit_price", lambda: _decimal(v["unit_price"], "unit_price", positive=False))
    days_raw = v.get("days_supply", "").strip()
    if days_raw and not days_raw.isdigit():
        c.add("supervision.bad_days_supply", "用药天数应为整数", "days_supply")
    if days_raw and kind and kind != ItemType.DRUG:
        c.add("supervision.days_supply_not_drug", "只有药品可填写用药天数", "days_supply")
    restriction = c.run(
        "restriction",
        lambda: _choice(
            v.get("restriction", ""),
            Restriction.values,
            "supervision.bad_restriction",
            "限定条件不在规定范围内",
        ),
    )
    if not v["item_code"].strip():
        c.add("supervision.item_code_required", "项目编码不能为空", "item_code")
    c.raise_if_any()
    return {
        "kind": kind,
        "quantity": quantity,
        "price": price,
        "restriction": restriction,
        "days": int(days_raw) if days_raw else None,
    }


class ClaimItemImporter(AuditedImporter):
    spec = FileSpec(
        "claim_items",
        ("claim_id", "item_code", "item_name", "item_type", "quantity", "unit_price"),
        ("days_supply", "trace_code", "restriction"),
    )
    FIELDS = (
        "claim",
        "line_key",
        "item_code",
        "item_name",
        "item_type",
        "quantity",
        "unit_price",
        "days_supply",
        "trace_code",
        "restriction",
    )

    def prepare(self, rows: Sequence[SourceRow]) -> Prepared:
        out = Prepared()
        ids = {row.values.get("claim_id", "").strip() for row in rows}
        claims = dict(Claim.objects.filter(claim_id__in=ids).values_list("claim_id", "id"))
        for row in rows:
            v = row.values
            try:
                d = clean_claim_item(v)
                claim = claims.get(v["claim_id"].strip())
                if claim is None:
                    raise DomainError("supervision.claim_not_found", "引用的结算单不存在")
            except DomainError as error:
                out.rejects.append(Reject.from_error(row, error))
                continue
            line = "\x1f".join(v.get(col, "").strip() for col in self.spec.columns)
            out.items.append(
                (
                    claim,
                    sm3_hex(line.encode()),
                    v["item_code"].strip(),
                    v["item_name"].strip()[:120],
                    d["kind"],
                    d["quantity"],
                    d["price"],
                    d["days"],
                    v.get("trace_code", "").strip(),
                    d["restriction"],
                )
            )
        return out

    def write(self, items: Sequence[Any]) -> tuple[int, int]:
        written = insert_ignoring_duplicates(ClaimItem, self.FIELDS, items)
        return written, len(items) - written


IMPORTERS = {"claims": ClaimImporter, "claim_items": ClaimItemImporter}
