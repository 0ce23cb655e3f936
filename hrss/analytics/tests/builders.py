"""A tiny hand-made province for rule tests: rows by keyword, tables as Arrow.

Persons are named by a short key; their blind index is ``idx-<key>``, which is
what person rules report as ``subject``.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta
from decimal import Decimal
from itertools import count
from pathlib import Path
from typing import Any

import pyarrow as pa

from hrss.analytics.context import RuleContext
from hrss.analytics.engines import Engine, duckdb_engine
from hrss.analytics.rules import select_rules
from hrss.analytics.schema import TABLES
from hrss.analytics.screening import run_rules
from hrss.analytics.snapshot import write_tables

AS_OF = date(2025, 6, 30)


def month(text: str) -> date:
    year, mon = text.split("-")
    return date(int(year), int(mon), 1)


class Province:
    def __init__(self) -> None:
        self.rows: dict[str, list[dict[str, Any]]] = defaultdict(list)
        self._ids = count(1)
        self.people: dict[str, int] = {}
        self.standard_parameters()

    def _add(self, table: str, **row: Any) -> int:
        row.setdefault("id", next(self._ids))
        self.rows[table].append(row)
        return row["id"]

    def standard_parameters(self) -> None:
        """An average wage of 7 000 yuan from 2024 (limits 4 200 / 21 000) province-wide."""
        self.param("average_monthly_wage", "420000", "2024-01-01", "7000")
        self.param("base_floor_ratio", "420000", "2019-05-01", "0.6")
        self.param("base_ceiling_ratio", "420000", "2019-05-01", "3")

    def param(self, name: str, region: str, start: str, value: str, end: str = "") -> int:
        return self._add(
            "parameters", name=name, key="", region=region,
            valid_from=date.fromisoformat(start),
            valid_to=date.fromisoformat(end) if end else None, value=Decimal(value),
        )  # fmt: skip

    def person(
        self, key: str, *, gender: int = 1, born: date = date(1960, 1, 1), district: str = "420106"
    ) -> int:
        pid = self._add(
            "persons", id_number_index=f"idx-{key}", gender=gender, birth_date=born,
            hukou_region=district, residence_region=district, district=district,
        )  # fmt: skip
        self.people[key] = pid
        return pid

    def employer(self, uscc: str, region: str = "420106") -> int:
        return self._add(
            "employers", uscc=uscc, region=region, industry="13", risk_class=1,
            registered_on=date(2000, 1, 1),
        )  # fmt: skip

    def employment(self, key: str, employer: int, start: date, end: date | None = None) -> int:
        return self._add(
            "employment", person_id=self.people[key], employer_id=employer, start_date=start,
            end_date=end, end_reason="",
        )  # fmt: skip

    def event(self, key: str, event: str, day: date) -> int:
        return self._add(
            "life_events", person_id=self.people[key], event=event, event_date=day, source="court"
        )

    def enrol(
        self, key: str, insurance: str, start: str, end: str = "", employer: int | None = None
    ) -> int:
        return self._add(
            "enrolments", person_id=self.people[key], insurance=insurance, employer_id=employer,
            start_month=month(start), end_month=month(end) if end else None,
        )  # fmt: skip

    def contribution(
        self, key: str, period: str, base: str, *, employer: int | None = None,
        insurance: str = "pension", paid_on: date | None = None,
    ) -> int:  # fmt: skip
        return self._add(
            "contributions", person_id=self.people[key], employer_id=employer,
            insurance=insurance, period=month(period), base=Decimal(base),
            employer_amount=Decimal("0"), employee_amount=Decimal("0"), paid_on=paid_on,
        )  # fmt: skip

    def payment(self, key: str, benefit: str, period: str, region: str = "420106") -> int:
        return self._add(
            "benefit_payments", person_id=self.people[key], benefit=benefit,
            period=month(period), amount=Decimal("1000"), region=region,
            paid_on=month(period).replace(day=10),
        )  # fmt: skip

    def card(self, key: str, status: str) -> int:
        return self._add(
            "cards", person_id=self.people[key], status=status, issuing_region="420106",
            issued_on=date(2015, 1, 1),
        )  # fmt: skip

    def claim(
        self, claim_id: str, key: str, admission: date, *, region: str = "420106",
        discharge: date | None = None, diagnosis: str = "J18.9", settled: date | None = None,
        institution: str = "",
    ) -> int:  # fmt: skip
        visit = "inpatient" if discharge else "outpatient"
        return self._add(
            "claims", claim_id=claim_id, person_id=self.people[key],
            institution_code=institution or f"H{region}00001", institution_region=region,
            visit_type=visit, admission_date=admission, discharge_date=discharge,
            diagnosis=diagnosis, total_amount=Decimal("100"), fund_amount=Decimal("60"),
            settled_on=settled or discharge or admission,
        )  # fmt: skip

    def item(
        self, claim: int, *, kind: str = "drug", days: int | None = None, trace: str = "",
        restriction: str = "", code: str = "XA01",
    ) -> int:  # fmt: skip
        return self._add(
            "claim_items", claim_pk=claim, item_code=code, item_type=kind,
            quantity=Decimal("1"), unit_price=Decimal("10"), days_supply=days,
            trace_code=trace, restriction=restriction,
        )  # fmt: skip

    def tables(self) -> dict[str, pa.Table]:
        out = {}
        for name, spec in TABLES.items():
            rows = self.rows.get(name, [])
            out[name] = pa.Table.from_pylist(rows, schema=spec.arrow_schema())
        return out

    def snapshot(self, folder: Path) -> Path:
        write_tables(folder, self.tables())
        return folder


def run(engine: Engine, codes: str, as_of: date = AS_OF, **ctx: Any) -> dict[str, dict[str, str]]:
    """Hits per rule: ``{code: {subject: detail}}``."""
    context = RuleContext(as_of=as_of, **ctx)
    out: dict[str, dict[str, str]] = {}
    for done in run_rules(engine, select_rules(codes), context):
        rows = done.hits.to_pylist()
        subjects = [r["subject"] for r in rows]
        assert len(subjects) == len(set(subjects)), f"{done.rule.code}: duplicate subjects"
        out[done.rule.code] = {r["subject"]: r["detail"] for r in rows}
    return out


def screen(province: Province, folder: Path, codes: str, **kw: Any) -> dict[str, dict[str, str]]:
    """Snapshot ``province`` into ``folder`` and run ``codes`` on DuckDB."""
    engine = duckdb_engine(province.snapshot(folder))
    try:
        return run(engine, codes, **kw)
    finally:
        engine.close()


def sample_province() -> Province:
    """One hit and one near miss for every rule (engine parity, command tests)."""
    p = Province()
    er = p.employer("U1", region="420602")
    d = date(2025, 3, 10)
    p.person("dead", born=date(1950, 1, 1))
    p.event("dead", "death", date(2025, 3, 1))
    p.payment("dead", "pension_employee", "2025-03")
    p.payment("dead", "pension_employee", "2025-04")  # F01
    p.event("dead", "imprisonment", date(2024, 1, 31))
    p.payment("dead", "pension_resident", "2024-03")  # F02 and F03 (with the next line)
    p.payment("dead", "pension_employee", "2024-03")
    p.claim("AFTER", "dead", date(2025, 3, 2))  # M05
    p.person("ui", born=date(1985, 5, 5), gender=2)
    p.payment("ui", "unemployment", "2025-03")
    p.employment("ui", er, date(2025, 3, 31))  # F04; and F07 (no enrolment, 91 days)
    p.contribution("ui", "2025-04", "4199.99", employer=er)  # F06
    p.person("young", gender=1, born=date(1966, 1, 1))
    p.payment("young", "pension_employee", "2025-06")  # F05
    p.enrol("young", "pension", "2020-01")  # F08: insured, only a lost card
    p.card("young", "lost")
    first = p.claim("S1", "young", d, discharge=d + timedelta(days=5), diagnosis="I63.9")
    p.item(first, trace="T-1", days=5)
    p.claim("S2", "young", d + timedelta(days=12), discharge=d + timedelta(days=14),
            diagnosis="I63.9")  # M01  # fmt: skip
    p.claim("FAR", "young", d + timedelta(days=30), region="421000")  # M02 with the next
    near = p.claim("NEAR", "young", d + timedelta(days=30), region="429004")
    p.item(near, days=31, trace="T-1")  # M03, M06
    p.item(near, restriction="female_only", code="XG01")  # M04
    return p
