"""The rules' context: the as-of date and the thresholds, read from the parameters table.

Thresholds are policy, so they are data (ARCHITECTURE §3 "Parameters are data"):
each comes from a province-wide (420000) row of ``parameters`` in force on the
as-of date, and falls back to the statutory or customary default below when the
province has published none. The contribution-base limits of F06 are not here:
they vary by period and region and are joined from ``parameters`` row by row.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from datetime import date
from decimal import Decimal
from typing import Any

import ibis
import ibis.expr.types as ir

PROVINCE = "420000"  # province-wide parameter rows

# parameters.name → RuleContext field. Names for the screening thresholds are new:
# the insurance area should list them in ParameterName so administrators can set them.
PARAMETER_FIELDS = {
    "screening_readmission_days": "readmission_days",
    "screening_outpatient_supply_days": "outpatient_supply_days",
    "screening_enrolment_grace_days": "enrolment_grace_days",
    "screening_child_age": "child_age",
    "base_floor_ratio": "floor_ratio",
    "base_ceiling_ratio": "ceiling_ratio",
}


@dataclass(frozen=True)
class RuleContext:
    """What every rule may read besides the tables.

    * ``readmission_days`` (M01, 7): 分解住院 — readmission within this many days of
      discharge (some older local rules use 14).
    * ``outpatient_supply_days`` (M03, 30): 门诊带药 limit per visit.
    * ``enrolment_grace_days`` (F07, 30): 社会保险法第58条 — the employer registers a
      new employee within 30 days of employment.
    * ``child_age`` (M04, 18): an item limited to children is for patients under it.
    * ``floor_ratio`` / ``ceiling_ratio`` (F06, 0.6 / 3): the base limits as a share of
      the average wage, where a region and period have no ratio row of their own.
    """

    as_of: date
    readmission_days: int = 7
    outpatient_supply_days: int = 30
    enrolment_grace_days: int = 30
    child_age: int = 18
    floor_ratio: Decimal = Decimal("0.6")
    ceiling_ratio: Decimal = Decimal("3")

    @classmethod
    def from_parameters(cls, execute: Any, parameters: ir.Table, as_of: date) -> RuleContext:
        """Read the thresholds in force on ``as_of``; ``execute`` runs an Ibis
        expression to a pyarrow table (the engine's ``execute``)."""
        rows = execute(_in_force(parameters, as_of)).to_pylist()
        latest: dict[str, tuple[date, Decimal]] = {}
        for row in rows:
            name, start = row["name"], row["valid_from"]
            if name not in latest or start > latest[name][0]:
                latest[name] = (start, row["value"])
        return cls(as_of=as_of).with_values({n: v for n, (_s, v) in latest.items()})

    def with_values(self, values: dict[str, Decimal]) -> RuleContext:
        """A copy with the named parameters' values (integers where the field is one)."""
        types = {f.name: f.type for f in fields(self)}
        changes: dict[str, Any] = {}
        for name, value in values.items():
            attr = PARAMETER_FIELDS[name]
            changes[attr] = int(value) if types[attr] in (int, "int") else Decimal(value)
        return replace(self, **changes)


def _in_force(parameters: ir.Table, as_of: date) -> ir.Table:
    p = parameters
    day = ibis.literal(as_of, type="date")
    return p.filter(
        p.name.isin(list(PARAMETER_FIELDS)),
        p.region == PROVINCE,
        p.key == "",
        p.valid_from <= day,
        p.valid_to.isnull() | (p.valid_to > day),
    ).select("name", "valid_from", "value")
