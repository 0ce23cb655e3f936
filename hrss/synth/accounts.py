"""Yearly pension personal-account balances (``personal_accounts.csv``, an extension).

One row per complete calendar year from the first pension year (not before 1998)
to the year before the as-of date — or the year of retirement, or the year before
death. Years before the span are credited 8 % of a synthetic base per enrolled
month; in years the span covers, the credit also includes exactly the employee
pension amounts *paid* in ``contributions.csv`` (arrears are not credited).
"""

from __future__ import annotations

from hrss.synth.dates import month_index
from hrss.synth.model import Job, Plan
from hrss.synth.params import (
    FIRST_ACCOUNT_YEAR,
    PENSION_EE,
    average_wage_fen,
    is_wuhan,
    last_account_year,
    limits_fen,
    pct,
    year_interest,
    yuan,
)


def base_for(job: Job, year: int) -> int:
    """The job's contribution base (fen) in ``year``, inside that year's limits."""
    if job.employer is None:
        return limits_fen(year, True)[0] if job.wage_pct == 0 else average_wage_fen(year)
    floor, ceiling = limits_fen(year, is_wuhan(job.employer.region))
    return max(floor, min(ceiling, average_wage_fen(year) * job.wage_pct // 100))


def pension_months(job: Job, last: int) -> tuple[int, int]:
    """First and last month of the job's pension enrolment (``last`` if ongoing)."""
    first = month_index(job.start) + job.enrol_delay
    end = month_index(job.end) + job.contrib_extra if job.end else last
    return first, end


def _before_span(plan: Plan, first_span: int) -> dict[int, int]:
    credits: dict[int, int] = {}
    for job in plan.jobs:
        if not job.enrolled:
            continue
        lo, hi = pension_months(job, first_span - 1)
        hi = min(hi, first_span - 1)
        for year in range(max(lo // 12, FIRST_ACCOUNT_YEAR), hi // 12 + 1):
            months = min(hi, year * 12 + 11) - max(lo, year * 12) + 1
            if months > 0:
                credits[year] = credits.get(year, 0) + months * pct(base_for(job, year), PENSION_EE)
    return credits


def _last_year(plan: Plan, as_of_year: int) -> int:
    last = as_of_year
    if plan.retired_month is not None:
        last = min(last, plan.retired_month // 12)
    if plan.death is not None:
        last = min(last, plan.death.year - 1)
    return last


def account_lines(
    plan: Plan, first_span: int, as_of_last_year: int, paid: dict[int, int]
) -> list[str]:
    """CSV lines of the person's yearly account (``paid``: year → paid employee pension fen)."""
    credits = _before_span(plan, first_span)
    for year, fen in paid.items():
        credits[year] = credits.get(year, 0) + fen
    if not credits:
        return []
    first, last = min(credits), _last_year(plan, as_of_last_year)
    lines, balance, who = [], 0, plan.person.id_number
    for year in range(first, last + 1):
        credited = credits.get(year, 0)
        interest = year_interest(balance, credited, year)
        closing = balance + credited + interest
        lines.append(
            f"{who},{year},{yuan(balance)},{yuan(credited)},{yuan(interest)},{yuan(closing)}\n"
        )
        balance = closing
    return lines


__all__ = ["account_lines", "base_for", "last_account_year", "pension_months"]
