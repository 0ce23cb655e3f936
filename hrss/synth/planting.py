"""Which persons carry a planted case: a few per thousand for every rule.

The schedule is drawn once from ``Random(f"{seed}:plant")`` over the global
person indices, so it does not depend on chunking or on the number of workers.
Case ``k`` of a rule uses variant ``k mod len(variants)``; variant 0 is the
boundary case, so it is present at any size.
"""

from __future__ import annotations

import random

from hrss.synth.lives import plan_background
from hrss.synth.model import Ctx, Plan
from hrss.synth.plant_fund import FUND_PLANTERS
from hrss.synth.plant_medical import MEDICAL_PLANTERS

PLANTERS = {**FUND_PLANTERS, **MEDICAL_PLANTERS}
RULES = tuple(sorted(PLANTERS))
PER_THOUSAND = 3
MIN_PERSONS = 200


def plant_counts(persons: int) -> dict[str, int]:
    """Cases per rule: 3 per thousand persons, at least 1."""
    return {rule: max(1, round(persons * PER_THOUSAND / 1000)) for rule in RULES}


def plant_schedule(seed: int, persons: int) -> dict[int, tuple[str, int]]:
    """Global person index → (rule, case ordinal)."""
    if persons < MIN_PERSONS:
        raise ValueError(f"need at least {MIN_PERSONS} persons to plant every rule")
    counts = plant_counts(persons)
    indices = random.Random(f"{seed}:plant").sample(range(persons), sum(counts.values()))
    schedule, pos = {}, 0
    for rule in RULES:
        for ordinal in range(counts[rule]):
            schedule[indices[pos]] = (rule, ordinal)
            pos += 1
    return schedule


def plan_person(ctx: Ctx, index: int, schedule: dict[int, tuple[str, int]]) -> Plan:
    """The planted case scheduled for ``index``, else a background person."""
    case = schedule.get(index)
    if case is None:
        return plan_background(ctx, index)
    rule, ordinal = case
    return PLANTERS[rule](ctx, index, ordinal)
