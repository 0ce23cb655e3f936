"""Building blocks the rules share: month arithmetic, text, prefectures, ages, deaths.

Everything here is an Ibis expression that DuckDB, Spark and PostgreSQL
translate alike. Months are integer indices (``year * 12 + month - 1``) so that
"the month after" is ``+ 1`` on every engine; texts are built from integers
(never an engine's own date formatting) so that a hit's ``detail`` is the same
string on every engine.
"""

from __future__ import annotations

from collections.abc import Mapping

import ibis
import ibis.expr.types as ir

Namespace = Mapping[str, ir.Table]

PENSION_BENEFITS = ("pension_employee", "pension_resident", "pension_public")


def month_index(day: ir.DateValue) -> ir.IntegerValue:
    """``2025-03-xx`` → 2025 × 12 + 2."""
    return day.year() * 12 + day.month() - 1


def month_of(mi: ir.IntegerValue) -> ir.StringValue:
    """Month index → ``YYYY-MM``."""
    year = (mi // 12).cast("int64")
    month = (mi % 12 + 1).cast("int64")
    return year.cast("string") + "-" + month.cast("string").lpad(2, "0")


def month_text(day: ir.DateValue) -> ir.StringValue:
    """A date's month as ``YYYY-MM``."""
    return day.year().cast("string") + "-" + day.month().cast("string").lpad(2, "0")


def day_text(day: ir.DateValue) -> ir.StringValue:
    """A date as ``YYYY-MM-DD``."""
    return month_text(day) + "-" + day.day().cast("string").lpad(2, "0")


def text(value: ir.Value) -> ir.StringValue:
    return value.cast("string")


def money_text(value: ir.NumericValue) -> ir.StringValue:
    """Yuan with exactly two decimals on every engine."""
    return value.cast("decimal(16, 2)").cast("string")


def prefecture(region: ir.StringValue) -> ir.StringValue:
    """The prefecture-level unit of a GB/T 2260 code.

    ``420106`` → ``420100``; a province-administered county-level unit (``xx90xx``,
    e.g. 429004 仙桃市) is a prefecture-level unit of its own.
    """
    return ibis.ifelse(region.substr(2, 2) == "90", region, region.substr(0, 4) + "00")


def age_on(birth: ir.DateValue, day: ir.DateValue) -> ir.IntegerValue:
    """Completed years of age on ``day`` (born 29 Feb: a year older on 1 Mar)."""
    before_birthday = (day.month() * 100 + day.day()) < (birth.month() * 100 + birth.day())
    return day.year() - birth.year() - ibis.ifelse(before_birthday, 1, 0)


def deaths(ns: Namespace) -> ir.Table:
    """``person_id, death_date``: the earliest death any partner agency reported."""
    ev = ns["life_events"]
    return ev.filter(ev.event == "death").group_by("person_id").agg(death_date=ev.event_date.min())


def person_hits(ns: Namespace, code: str, found: ir.Table) -> ir.Table:
    """``found`` (``person_id``, ``detail``) as hits keyed by the person's blind index."""
    persons = ns["persons"].select("id", "id_number_index")
    joined = found.join(persons, found.person_id == persons.id)
    return joined.select(
        rule=ibis.literal(code), subject=joined.id_number_index, detail=joined.detail
    )


def claim_hits(code: str, found: ir.Table) -> ir.Table:
    """``found`` (``claim_id``, ``detail``) as hits keyed by the external claim id."""
    return found.select(rule=ibis.literal(code), subject=found.claim_id, detail=found.detail)


def pensions(ns: Namespace) -> ir.Table:
    """Pension payments (the three schemes) with their month index ``mi``."""
    pay = ns["benefit_payments"]
    pay = pay.filter(pay.benefit.isin(PENSION_BENEFITS))
    return pay.mutate(mi=month_index(pay.period))


def span_text(first: ir.IntegerValue, last: ir.IntegerValue, n: ir.IntegerValue) -> ir.StringValue:
    """``2025-04 至 2025-06 共 3 个月`` from month indices and a count."""
    return month_of(first) + " 至 " + month_of(last) + " 共 " + text(n) + " 个月"
