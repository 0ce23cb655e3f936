"""Turn a :class:`~hrss.synth.model.Plan` into CSV lines, file by file.

Contribution rows dominate the output (≈ 30 million at one million persons), so
they are formatted with plain f-strings from integer fen; every other free-text
field goes through :func:`~hrss.synth.files.csv_text`.
"""

from __future__ import annotations

from hrss.synth.accounts import account_lines, base_for, pension_months
from hrss.synth.dates import day_text, month_index, month_text
from hrss.synth.files import PER_PERSON, csv_text
from hrss.synth.model import Claim, Ctx, Job, Payment, Plan
from hrss.synth.params import (
    FLEX_EE,
    FLEX_ER,
    PENSION_EE,
    PENSION_ER,
    UNEMPLOYMENT_EE,
    UNEMPLOYMENT_ER,
    WORK_INJURY_BP,
    last_account_year,
    pct,
    yuan,
)


class Sink:
    """Lines per output file for one chunk, plus its ground truth."""

    __slots__ = ("lines", "truth")

    def __init__(self) -> None:
        self.lines: dict[str, list[str]] = {name: [] for name in PER_PERSON}
        self.truth: list[tuple[str, str, str]] = []


def _enrolments(plan: Plan, job: Job, out: list[str]) -> None:
    if not job.enrolled:
        return
    who, uscc = plan.person.id_number, job.employer.uscc if job.employer else ""
    start = month_text(month_index(job.start) + job.enrol_delay)
    end = "" if job.end is None else month_text(month_index(job.end) + job.contrib_extra)
    out.append(f"{who},pension,{uscc},{start},{end}\n")
    if job.employer is not None:
        out.append(f"{who},unemployment,{uscc},{start},{end}\n")
        out.append(f"{who},work_injury,{uscc},{start},{end}\n")
    if job.medical:
        out.append(f"{who},medical,{uscc},{start},{end}\n")


def _amounts(job: Job, base: int) -> list[tuple[str, str, str, str]]:
    b = yuan(base)
    if job.employer is None:
        return [("pension", b, yuan(pct(base, FLEX_ER)), yuan(pct(base, FLEX_EE)))]
    injury = WORK_INJURY_BP[job.employer.risk_class]
    return [
        ("pension", b, yuan(pct(base, PENSION_ER)), yuan(pct(base, PENSION_EE))),
        ("unemployment", b, yuan(pct(base, UNEMPLOYMENT_ER)), yuan(pct(base, UNEMPLOYMENT_EE))),
        ("work_injury", b, yuan(pct(base, injury)), "0.00"),
    ]


def _paid_on(job: Job, mi: int, last: int) -> str:
    if job.employer is None:
        unpaid = job.arrears_from is not None and mi >= job.arrears_from
        return "" if unpaid else day_text(mi, 20)
    if job.employer.arrears and mi > last - job.employer.arrears:
        return ""
    return day_text(mi, job.employer.pay_day)


def _contributions(
    plan: Plan, job: Job, ctx: Ctx, out: list[str], paid: dict[int, int], seen: set[tuple[str, int]]
) -> None:
    """One row per insurance and month; a month the same employer already paid (a rehire
    within the month) is not paid twice: contributions are unique per employer and month."""
    if not job.enrolled:
        return
    first, last = pension_months(job, ctx.span.last)
    first = max(first, month_index(job.start) + job.contrib_delay)
    prefix = f"{plan.person.id_number},{job.employer.uscc if job.employer else ''},"
    cache: dict[int, list[tuple[str, str, str, str]]] = {}
    payer = job.employer.uscc if job.employer else ""
    for mi in ctx.span.months(first, last):
        if (payer, mi) in seen:
            continue
        seen.add((payer, mi))
        base = job.base_override.get(mi) or base_for(job, mi // 12)
        rows = cache.get(base) or cache.setdefault(base, _amounts(job, base))
        paid_on, m = _paid_on(job, mi, ctx.span.last), month_text(mi)
        for insurance, b, er, ee in rows:
            out.append(f"{prefix}{insurance},{m},{b},{er},{ee},{paid_on}\n")
        if paid_on:
            ee_fen = pct(base, FLEX_EE if job.employer is None else PENSION_EE)
            paid[mi // 12] = paid.get(mi // 12, 0) + ee_fen


def _payment_months(stream: Payment, ctx: Ctx) -> list[int]:
    months = set(ctx.span.months(stream.first, stream.last))
    for lo, hi in stream.skip:
        months.difference_update(range(lo, hi + 1))
    months.update(m for m in stream.extra if ctx.span.first <= m <= ctx.span.last)
    return sorted(months)


def _payments(plan: Plan, ctx: Ctx, out: list[str]) -> None:
    base_year = ctx.span.first // 12
    for s in plan.payments:
        for mi in _payment_months(s, ctx):
            amount = s.amount + s.amount * 2 * (mi // 12 - base_year) // 100
            out.append(
                f"{plan.person.id_number},{s.benefit},{month_text(mi)},{yuan(amount)},"
                f"{s.region},{day_text(mi, s.pay_day)}\n"
            )


def _claim(plan: Plan, claim: Claim, claims: list[str], items: list[str]) -> None:
    total = 0
    for it in claim.items:
        total += it.quantity * it.price
        days = str(it.days_supply) if it.kind == "drug" else ""
        items.append(
            f"{claim.claim_id},{it.code},{csv_text(it.name)},{it.kind},{it.quantity},"
            f"{yuan(it.price)},{days},{it.trace},{it.restriction}\n"
        )
    visit = "inpatient" if claim.inpatient else "outpatient"
    discharge = claim.discharge.isoformat() if claim.discharge else ""
    claims.append(
        f"{claim.claim_id},{plan.person.id_number},{claim.institution},{claim.region},"
        f"{visit},{claim.admission.isoformat()},{discharge},{claim.diagnosis},"
        f"{yuan(total)},{yuan(pct(total, claim.fund_bp))},{claim.settled_on.isoformat()}\n"
    )


def _person(plan: Plan, out: list[str]) -> None:
    p = plan.person
    out.append(
        f"{p.id_number},{csv_text(p.name)},{p.gender},{p.birth.isoformat()},{p.hukou},"
        f"{p.residence},{p.phone},{csv_text(p.address)}\n"
    )


def _employment(plan: Plan, job: Job, out: list[str]) -> None:
    if job.employer is None:
        return
    end = job.end.isoformat() if job.end else ""
    out.append(
        f"{plan.person.id_number},{job.employer.uscc},{job.start.isoformat()},{end},"
        f"{job.reason},{job.occupation}\n"
    )


def render(plan: Plan, ctx: Ctx, sink: Sink) -> None:
    """Append the plan's lines to ``sink``."""
    lines, who = sink.lines, plan.person.id_number
    paid: dict[int, int] = {}
    seen: set[tuple[str, int]] = set()
    _person(plan, lines["persons"])
    for job in plan.jobs:
        _employment(plan, job, lines["employment"])
        _enrolments(plan, job, lines["enrolments"])
        _contributions(plan, job, ctx, lines["contributions"], paid, seen)
    _payments(plan, ctx, lines["benefit_payments"])
    for event, day, source in plan.events:
        lines["life_events"].append(f"{who},{event},{day.isoformat()},{source}\n")
    for c in plan.cards:
        lines["cards"].append(f"{who},{c.number},{c.region},{c.status},{c.issued_on.isoformat()}\n")
    for claim in plan.claims:
        _claim(plan, claim, lines["claims"], lines["claim_items"])
    last_year = last_account_year(ctx.span.as_of)
    lines["personal_accounts"] += account_lines(plan, ctx.span.first, last_year, paid)
    sink.truth.extend(plan.truth)
