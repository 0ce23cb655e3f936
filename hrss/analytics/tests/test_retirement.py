"""The 2025 retirement rule: the Ibis expression agrees with the Python version."""

from __future__ import annotations

from datetime import date

import ibis
import pyarrow as pa
import pytest

from hrss.analytics.retirement import (
    FEMALE,
    MALE,
    MEN,
    WOMEN_CADRE,
    WOMEN_WORKER,
    retirement_month,
    retirement_month_expr,
)


def mi(text: str) -> int:
    year, month = text.split("-")
    return int(year) * 12 + int(month) - 1


@pytest.mark.parametrize(
    ("birth", "rule", "expected"),
    [
        # Public vectors (domain.md §4.3).
        (date(1965, 1, 1), MEN, "2025-02"),  # 60 years 1 month
        (date(1965, 12, 1), MEN, "2026-03"),  # 60 years 3 months
        (date(1976, 9, 1), MEN, "2039-09"),  # 63 (cap reached)
        (date(1980, 1, 1), MEN, "2043-01"),
        (date(1971, 4, 1), WOMEN_CADRE, "2026-08"),  # 55 years 4 months
        (date(1984, 11, 1), WOMEN_WORKER, "2039-11"),  # 55 (cap 60 months)
        (date(1990, 6, 1), WOMEN_WORKER, "2045-06"),
        (date(1964, 12, 31), MEN, "2024-12"),  # before the reform: no delay
        (date(1974, 12, 1), WOMEN_WORKER, "2024-12"),
        (date(1975, 1, 1), WOMEN_WORKER, "2025-02"),  # first month of the reform
    ],
)
def test_public_vectors(birth, rule, expected):
    assert retirement_month(birth, MALE if rule is MEN else FEMALE, rule) == mi(expected)


def test_ibis_expression_matches_python_on_many_birth_months():
    births = [date(y, m, d) for y in range(1955, 2000) for m in range(1, 13) for d in (1, 28)]
    rows = [(b, g) for b in births for g in (MALE, FEMALE)]
    table = ibis.memtable(
        pa.table(
            {"birth": [b for b, _ in rows], "gender": pa.array([g for _, g in rows], pa.int16())}
        )
    )
    expr = table.mutate(due=retirement_month_expr(table.birth, table.gender))
    got = ibis.duckdb.connect().to_pyarrow(expr).to_pylist()

    expected = [retirement_month(r["birth"], r["gender"]) for r in got]
    assert [r["due"] for r in got] == expected
    assert len(got) == len(rows)


def test_women_are_held_to_the_earliest_rule():
    born = date(1976, 3, 1)
    assert retirement_month(born, FEMALE) == retirement_month(born, FEMALE, WOMEN_WORKER)
    assert retirement_month(born, FEMALE) < retirement_month(born, FEMALE, WOMEN_CADRE)
