"""政策找人 query: persons at retirement age (earliest rule), alive, never paid a
pension, with their paid pension months before the retirement month."""

from __future__ import annotations

from datetime import date

from hrss.analytics.context import RuleContext
from hrss.analytics.engines import duckdb_engine
from hrss.analytics.proactive import month_text, retirement_due
from hrss.analytics.tests.builders import AS_OF, Province


def _paid(p: Province, key: str, *periods: str) -> None:
    for period in periods:
        p.contribution(key, period, "5000", paid_on=date(2025, 6, 1))


def _due(p: Province, folder) -> dict[str, tuple[str, int]]:
    engine = duckdb_engine(p.snapshot(folder))
    try:
        rows = engine.execute(retirement_due(engine.tables, RuleContext(as_of=AS_OF))).to_pylist()
    finally:
        engine.close()
    return {r["subject"]: (month_text(r["due"]), r["paid_months"]) for r in rows}


def test_who_is_due_and_the_months_counted(tmp_path):
    p = Province()
    p.person("man", born=date(1965, 1, 15))  # 60 + 1 month: 2025-02
    _paid(p, "man", "2024-12", "2025-01", "2025-03")  # 2025-03 is after the month: not counted
    p.contribution("man", "2024-11", "5000")  # in arrears: not counted
    p.person("woman", gender=2, born=date(1975, 3, 1))  # worker rule 50 + 2 months: 2025-05
    _paid(p, "woman", "2025-01")
    p.person("next_month", born=date(1965, 5, 1))  # 2025-07: one may apply a month before
    _paid(p, "next_month", "2025-01")
    p.person("later", born=date(1965, 6, 1))  # 2025-08: not yet
    _paid(p, "later", "2025-01")
    p.person("long_ago", born=date(1955, 1, 1))  # 2015-01: beyond five years
    _paid(p, "long_ago", "2010-01")
    p.person("pensioner", born=date(1965, 1, 15))
    _paid(p, "pensioner", "2024-12")
    p.payment("pensioner", "pension_employee", "2025-03")
    p.person("dead", born=date(1965, 1, 15))
    _paid(p, "dead", "2024-12")
    p.event("dead", "death", date(2025, 4, 1))
    p.person("never_paid", born=date(1965, 1, 15))

    due = _due(p, tmp_path)

    assert due == {
        "idx-man": ("2025-02", 2),
        "idx-woman": ("2025-05", 1),
        "idx-next_month": ("2025-07", 1),
    }
