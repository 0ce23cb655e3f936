"""Rule selection, scoring and the context read from the parameters table."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from hrss.analytics.context import RuleContext
from hrss.analytics.engines import duckdb_engine
from hrss.analytics.rules import RULES, select_rules
from hrss.analytics.screening import context_for, score
from hrss.analytics.tests.builders import Province
from hrss.core.errors import DomainError


def test_select_rules_by_code_list():
    assert [r.code for r in select_rules("m03, F01")] == ["F01", "M03"]
    assert len(select_rules(None)) == 14
    with pytest.raises(DomainError) as caught:
        select_rules("F01,X99")
    assert caught.value.code == "analytics.unknown_rule"


def test_every_rule_documents_its_basis():
    for rule in RULES.values():
        assert rule.code in rule.basis
        assert any(word in rule.basis for word in ("法", "条例", "办法", "规定", "决定", "NHSA"))


def test_precision_and_recall_per_rule():
    hits = [("F01", "a"), ("F01", "b"), ("M03", "x")]
    truth = [("F01", "a"), ("F01", "c"), ("F02", "z")]
    f01, f02, m03 = score(hits, truth, ["F01", "F02", "M03"])

    assert (f01.precision, f01.recall) == (0.5, 0.5)
    assert (f02.hits, f02.recall) == (0, 0.0)
    assert (m03.precision, m03.truth) == (0.0, 0)


def test_context_thresholds_come_from_province_rows_in_force(tmp_path):
    p = Province()
    p.param("screening_readmission_days", "420000", "2020-01-01", "14", end="2025-01-01")
    p.param("screening_readmission_days", "420000", "2025-01-01", "10")
    p.param("screening_outpatient_supply_days", "420100", "2020-01-01", "60")  # not province
    p.param("base_floor_ratio", "420000", "2024-06-01", "0.65")
    engine = duckdb_engine(p.snapshot(tmp_path))
    try:
        ctx = context_for(engine, date(2025, 6, 30))
        earlier = context_for(engine, date(2024, 6, 30))
    finally:
        engine.close()

    assert (ctx.readmission_days, ctx.outpatient_supply_days) == (10, 30)
    assert ctx.floor_ratio == Decimal("0.65")
    assert earlier.readmission_days == 14
    assert RuleContext(as_of=date(2025, 1, 1)).enrolment_grace_days == 30
