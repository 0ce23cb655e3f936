"""Proactive service (政策找人) queries: who could apply for something and has not.

Not screening rules (no irregularity, no case): lists of persons the staff should
approach. F07 and F08 hits are two such lists; this module adds the third:
persons who reached the statutory retirement age and do not draw a pension.

Portable like the rules: one Ibis expression over the namespace, any engine.
"""

from __future__ import annotations

import ibis.expr.types as ir

from hrss.analytics.context import RuleContext
from hrss.analytics.retirement import retirement_month_expr
from hrss.analytics.rules.common import Namespace, deaths, month_index, pensions

LOOKBACK_MONTHS = 60  # reached the age at most five years ago
LOOKAHEAD_MONTHS = 1  # or reaches it next month (one may apply a month before)


def retirement_due(
    ns: Namespace,
    ctx: RuleContext,
    *,
    lookback: int = LOOKBACK_MONTHS,
    lookahead: int = LOOKAHEAD_MONTHS,
) -> ir.Table:
    """Living persons whose statutory retirement month (earliest rule for the gender,
    as F05) lies between ``lookback`` months before and ``lookahead`` months after the
    as-of month, who were never paid a pension, with their paid pension contribution
    months before that month.

    Columns: ``subject`` (blind index), ``birth_date``, ``gender``, ``due`` (month
    index), ``paid_months``. Whether ``paid_months`` reaches the minimum (a dated
    parameter of the retirement month and region) is the caller's check.
    """
    as_of_mi = ctx.as_of.year * 12 + ctx.as_of.month - 1
    p = ns["persons"]
    p = p.mutate(due=retirement_month_expr(p.birth_date, p.gender))
    p = p.filter(p.due >= as_of_mi - lookback, p.due <= as_of_mi + lookahead)
    paid_pension = pensions(ns).select(pp="person_id")
    dead = deaths(ns).select(dp="person_id")
    p = p.anti_join(paid_pension, p.id == paid_pension.pp).anti_join(dead, p.id == dead.dp)
    c = ns["contributions"]
    c = c.filter(c.insurance == "pension", c.paid_on.notnull())
    c = c.select(c_person=c.person_id, mi=month_index(c.period))
    j = p.join(c, [p.id == c.c_person, c.mi < p.due])
    per = j.group_by("id_number_index", "birth_date", "gender", "due").agg(
        paid_months=j.mi.nunique()
    )
    return per.select(
        subject=per.id_number_index, birth_date=per.birth_date, gender=per.gender,
        due=per.due.cast("int64"), paid_months=per.paid_months.cast("int64"),
    )  # fmt: skip


def month_text(index: int) -> str:
    """Month index → ``YYYY-MM``."""
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


__all__ = ["LOOKAHEAD_MONTHS", "LOOKBACK_MONTHS", "month_text", "retirement_due"]
