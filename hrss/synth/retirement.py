"""Statutory retirement age after the 2025 reform (domain.md §4.3).

NPC Standing Committee decision of 2024-09-13, in force 2025-01-01: the original
age is raised by one month for every ``step`` months by which the original
retirement month falls on or after 2025-01, up to ``cap`` months.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from hrss.synth.dates import add_months, month_index

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


def delay_months(birth: date, rule: RetirementRule) -> int:
    """Months added to the original age for someone born on ``birth``."""
    idx = month_index(birth) + rule.original_years * 12 - REFORM_START
    return 0 if idx < 0 else min(idx // rule.step + 1, rule.cap)


def rule_for(gender: int, *, lenient: bool) -> RetirementRule:
    """Men: 60 → 63. Women: 55 → 58 (cadres) or, if ``lenient``, 50 → 55 (workers).

    The generator retires women by the cadre rule (the later age) so that no
    reading of a woman's category makes a background pension early; planted F05
    cases are early even by the worker rule.
    """
    if gender == MALE:
        return MEN
    return WOMEN_WORKER if lenient else WOMEN_CADRE


def retirement_date(birth: date, gender: int, *, lenient: bool = False) -> date:
    """The day the person reaches the statutory retirement age."""
    rule = rule_for(gender, lenient=lenient)
    return add_months(birth, rule.original_years * 12 + delay_months(birth, rule))


def retirement_month(birth: date, gender: int, *, lenient: bool = False) -> int:
    """Month index in which the statutory retirement age is reached."""
    return month_index(retirement_date(birth, gender, lenient=lenient))
