"""Statutory retirement age after the 2025 reform, in Python and as an Ibis expression.

NPC Standing Committee decision of 2024-09-13, in force 2025-01-01 (domain.md
§4.3): the original age rises by one month for every ``step`` months by which
the original retirement month falls on or after 2025-01, up to ``cap`` months —
men 60 → 63 (one per 4, cap 36), women cadres 55 → 58 (one per 4, cap 36),
women workers 50 → 55 (one per 2, cap 60).

The registry does not record whether a woman is a worker or a cadre, so
screening (F05) uses the **earliest** statutory age for the gender: the worker
rule for women. A pension is then flagged only if it is early under every
reading of her category. Early retirement that the law allows on other grounds
— 特殊工种 (arduous work), 因病 (illness), 弹性提前退休 (up to 3 years early after
2025, not below the original age) — is not modelled: an inspector checks the
approval on file before confirming.

The analytics layer may not import :mod:`hrss.insurance` (layering); the pure
version here is checked against the Ibis one, and against the insurance area's
own calculation where that exists, by tests.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import ibis
import ibis.expr.types as ir

MALE, FEMALE = 1, 2
REFORM_START = 2025 * 12  # month index of 2025-01


@dataclass(frozen=True, slots=True)
class RetirementRule:
    """Original age in years, months of birth per month of delay, maximum delay."""

    original_years: int
    step: int
    cap: int


MEN = RetirementRule(60, 4, 36)
WOMEN_CADRE = RetirementRule(55, 4, 36)
WOMEN_WORKER = RetirementRule(50, 2, 60)
EARLIEST = {MALE: MEN, FEMALE: WOMEN_WORKER}


def delay_months(birth: date, rule: RetirementRule) -> int:
    """Months added to the original age for someone born on ``birth``."""
    idx = birth.year * 12 + birth.month - 1 + rule.original_years * 12 - REFORM_START
    return 0 if idx < 0 else min(idx // rule.step + 1, rule.cap)


def retirement_month(birth: date, gender: int, rule: RetirementRule | None = None) -> int:
    """Month index (``year * 12 + month - 1``) in which the statutory age is reached;
    by default the earliest rule for the gender."""
    rule = rule or EARLIEST[gender]
    birth_mi = birth.year * 12 + birth.month - 1
    return birth_mi + rule.original_years * 12 + delay_months(birth, rule)


def _rule_month(birth_mi: ir.IntegerValue, rule: RetirementRule) -> ir.IntegerValue:
    idx = birth_mi + rule.original_years * 12 - REFORM_START
    steps = (idx // rule.step + 1).cast("int64")
    delay = ibis.ifelse(idx < 0, 0, ibis.ifelse(steps > rule.cap, rule.cap, steps))
    return birth_mi + rule.original_years * 12 + delay


def retirement_month_expr(birth: ir.DateValue, gender: ir.IntegerValue) -> ir.IntegerValue:
    """The Ibis version of :func:`retirement_month` (earliest rule for the gender)."""
    birth_mi = (birth.year() * 12 + birth.month() - 1).cast("int64")
    return ibis.ifelse(
        gender == MALE, _rule_month(birth_mi, MEN), _rule_month(birth_mi, WOMEN_WORKER)
    )
