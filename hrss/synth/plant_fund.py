"""Planted fund-fraud cases F01–F08 (subject: the person's ID number).

Each planter builds a person whose records are background-clean except for the
one anomaly, records it with :meth:`Plan.hit`, and varies the case by
``ordinal`` so that the boundary variant (listed first) appears at any size.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from hrss.synth import careers
from hrss.synth.cardgen import card
from hrss.synth.dates import add_months, month_end, month_index, month_start, month_text
from hrss.synth.lives import PENSIONS, Fate, finish, pension
from hrss.synth.model import Ctx, Job, Payment, Plan
from hrss.synth.params import limits_fen, yuan
from hrss.synth.people import make_person
from hrss.synth.retirement import retirement_month

EMPLOYEE_PENSION = PENSIONS[0][2]


def born_aged(ctx: Ctx, youngest: int, oldest: int) -> tuple[date, date]:
    """Birth-date bounds for an age between ``youngest`` and ``oldest`` on the as-of date."""
    as_of = ctx.span.as_of
    return add_months(as_of, -12 * (oldest + 1)) + timedelta(days=1), add_months(
        as_of, -12 * youngest
    )


def month_in_span(ctx: Ctx, head: int, tail: int) -> int:
    """A span month at least ``head`` months after its start and ``tail`` before its end."""
    return ctx.rng.randint(ctx.span.first + head, ctx.span.last - tail)


def day_in(ctx: Ctx, mi: int) -> date:
    """A random day of month ``mi``."""
    return month_start(mi) + timedelta(days=ctx.rng.randrange(month_end(mi).day))


def retiree_plan(ctx: Ctx, index: int, youngest: int, oldest: int, fate: Fate) -> Plan:
    """A pension_employee retiree (no other income) of the given age."""
    person = make_person(ctx, index, born=born_aged(ctx, youngest, oldest))
    plan = Plan(person)
    plan.retired_month = retirement_month(person.birth, person.gender)
    pension(ctx, plan, "pension_employee", plan.retired_month + 1, fate, EMPLOYEE_PENSION)
    return plan


def ended_career(ctx: Ctx, plan: Plan, ended: date, reason: str) -> list[Job]:
    """Jobs whose last one ends on ``ended`` with ``reason`` (≥ 400 days of work)."""
    jobs = careers.career(ctx, plan.person, ended, reason, latest_start=ended - timedelta(days=400))
    if not jobs or jobs[-1].end != ended:
        start = ended - timedelta(days=ctx.rng.randint(400, 3000))
        job = careers.new_job(ctx, plan.person, start, wage_pct=100)
        job.end, job.reason = ended, reason
        jobs = [j for j in jobs if j.end is not None and j.end < job.start] + [job]
    return jobs


def unemployed_plan(ctx: Ctx, index: int) -> tuple[Plan, Payment]:
    """A 30–50-year-old dismissed around the span's start, drawing benefit from the next month."""
    plan = Plan(make_person(ctx, index, born=born_aged(ctx, 30, 50)))
    ended = ctx.span.start + timedelta(days=ctx.rng.randint(0, 90))
    plan.jobs = ended_career(ctx, plan, ended, "dismissal")
    spell = careers.ui_spell(ctx, plan.person, plan.jobs, None)
    spell.first = month_index(ended) + 1
    spell.last = min(spell.last, ctx.span.last - 1)
    plan.payments.append(spell)
    return plan, spell


def plant_f01(ctx: Ctx, index: int, ordinal: int) -> Plan:
    """Benefit paid for a period after the payee's death."""
    variant = ordinal % 3
    if variant == 2:
        plan, spell = unemployed_plan(ctx, index)
        death_month = spell.first + 2
        fate = Fate(death=day_in(ctx, death_month))
        spell.last, spell.extra = death_month - 1, [death_month, death_month + 1, death_month + 2]
        benefit = "unemployment"
    else:
        death_month = month_in_span(ctx, 1, 1 if variant == 0 else 4)
        fate = Fate(death=day_in(ctx, death_month))
        plan = retiree_plan(ctx, index, 70, 88, fate)
        spell, benefit = plan.payments[0], "pension_employee"
        tail = 1 if variant == 0 else ctx.rng.randint(3, 8)
        spell.extra = list(range(death_month, min(death_month + tail, ctx.span.last) + 1))
    finish(ctx, plan, fate)
    after = [m for m in spell.extra if m > death_month]
    plan.hit(
        "F01",
        f"{benefit} paid for {month_text(after[0])}..{month_text(after[-1])} "
        f"after death on {fate.death} ({plan.events[0][2]})",
    )
    return plan


def plant_f02(ctx: Ctx, index: int, ordinal: int) -> Plan:
    """Pension paid while the payee is imprisoned."""
    variant, rng = ordinal % 3, ctx.rng
    month = month_in_span(ctx, 1, 6)
    prison = month_end(month) if variant == 0 else day_in(ctx, month)
    release = prison + timedelta(days=rng.randint(120, 150)) if variant == 2 else None
    fate = Fate(prison=prison, release=release)
    plan = retiree_plan(ctx, index, 62, 80, fate)
    stream = plan.payments[0]
    if variant == 0:
        stream.extra, paid = [month + 1], [month + 1]
    else:
        stream.skip.clear()
        end = month_index(release) - 1 if release else ctx.span.last
        paid = list(range(month + 1, end + 1))
    finish(ctx, plan, fate)
    until = f", released {release}" if release else ""
    plan.hit(
        "F02",
        f"pension_employee paid for {month_text(paid[0])}..{month_text(paid[-1])} "
        f"while imprisoned since {prison}{until}",
    )
    return plan


def _other_unit(ctx: Ctx, pref: str) -> str:
    while True:
        other = ctx.geo.draw(ctx.rng).code
        if other != pref:
            return other


def plant_f03(ctx: Ctx, index: int, ordinal: int) -> Plan:
    """Two pensions (types or regions) for the same person and month."""
    variant, rng = ordinal % 3, ctx.rng
    plan = retiree_plan(ctx, index, 66, 85, Fate())
    first = plan.payments[0]
    other = _other_unit(ctx, plan.person.pref)
    if variant == 0:
        moved = month_in_span(ctx, 2, 2)
        first.last = moved
        second = Payment("pension_employee", other, moved, ctx.span.last, first.amount, 8)
        months, what = (moved, moved), f"pension_employee from {first.region} and {other}"
    elif variant == 1:
        lo = month_in_span(ctx, 0, 6)
        second = Payment("pension_resident", first.region, lo, lo + rng.randint(2, 5), 18_000, 12)
        months, what = (second.first, second.last), "pension_employee and pension_resident"
    else:
        second = Payment("pension_public", other, ctx.span.first, ctx.span.last, 620_000, 15)
        months, what = (
            (ctx.span.first, ctx.span.last),
            f"pension_employee and pension_public ({other})",
        )
    plan.payments.append(second)
    finish(ctx, plan, Fate())
    plan.hit("F03", f"{what} for {month_text(months[0])}..{month_text(months[1])}")
    return plan


def plant_f04(ctx: Ctx, index: int, ordinal: int) -> Plan:
    """Unemployment benefit for a month in which an employer contributes or employs."""
    variant = ordinal % 3
    plan, spell = unemployed_plan(ctx, index)
    if variant == 2:
        old = plan.jobs[-1]
        old.contrib_extra = 2
        months = (spell.first, spell.first + 1)
        why = f"{old.employer.uscc if old.employer else ''} kept contributing after the dismissal"
    else:
        anchor = spell.last if variant == 0 else spell.last - 2
        start = month_end(anchor) if variant == 0 else day_in(ctx, anchor)
        job = careers.new_job(ctx, plan.person, start, wage_pct=careers.wage_pct(ctx))
        job.contrib_delay = 1 if variant == 0 else 0
        plan.jobs.append(job)
        months = (anchor, spell.last)
        why = f"employed by {job.employer.uscc if job.employer else ''} from {start}"
    finish(ctx, plan, Fate())
    plan.hit(
        "F04", f"unemployment benefit for {month_text(months[0])}..{month_text(months[1])}; {why}"
    )
    return plan


def _early_birth(ctx: Ctx) -> date:
    """A man's birth date whose statutory retirement month lies inside the span."""
    lo, hi = born_aged(ctx, 58, 63)
    while True:
        birth = lo + timedelta(days=ctx.rng.randrange((hi - lo).days))
        if ctx.span.first + 2 <= retirement_month(birth, 1) <= ctx.span.last:
            return birth


def plant_f05(ctx: Ctx, index: int, ordinal: int) -> Plan:
    """Pension paid before the statutory retirement age (women: even by the age-50 rule)."""
    variant = ordinal % 3
    if variant == 0:
        birth = _early_birth(ctx)
        person = make_person(ctx, index, born=(birth, birth), gender=1)
    else:
        ages, sex = ((45, 47), 2) if variant == 1 else ((55, 57), 1)
        person = make_person(ctx, index, born=born_aged(ctx, *ages), gender=sex)
    plan = Plan(person)
    due = retirement_month(person.birth, person.gender, lenient=True)
    first = due - 1 if variant == 0 else month_in_span(ctx, 0, 3)
    plan.jobs = ended_career(ctx, plan, month_end(first - 1), "retirement")
    plan.retired_month = first - 1
    amount = ctx.rng.randint(*EMPLOYEE_PENSION)
    plan.payments.append(Payment("pension_employee", person.pref, first, ctx.span.last, amount))
    finish(ctx, plan, Fate())
    plan.hit(
        "F05",
        f"pension_employee from {month_text(first)}; statutory retirement month "
        f"{month_text(due)} (born {person.birth}, gender {person.gender})",
    )
    return plan


def employee_plan(ctx: Ctx, index: int, pref: str | None = None) -> tuple[Plan, Job]:
    """A 25–50-year-old in one ongoing job since before the span (in ``pref`` if given)."""
    rng = ctx.rng
    plan = Plan(make_person(ctx, index, born=born_aged(ctx, 25, 50)))
    start = ctx.span.start - timedelta(days=rng.randint(60, 3000))
    start = max(start, add_months(plan.person.birth, 18 * 12))
    job = careers.new_job(ctx, plan.person, start, wage_pct=careers.wage_pct(ctx))
    if pref is not None:
        job.employer = ctx.employers.pick(rng, pref, job.start)
        job.start = max(job.start, job.employer.registered_on + timedelta(days=1))
    plan.jobs.append(job)
    return plan, job


def plant_f06(ctx: Ctx, index: int, ordinal: int) -> Plan:
    """Contribution base below the floor or above the ceiling of the employer's region."""
    variant, rng = ordinal % 3, ctx.rng
    pref = "420100" if variant == 2 else rng.choice(("420600", "420500", "421000", "420300"))
    plan, job = employee_plan(ctx, index, pref)
    year = ctx.span.last // 12
    months = list(ctx.span.months(year * 12, year * 12 + 11))
    floor, ceiling = limits_fen(year, variant == 2)
    if variant == 0:
        base, why = floor - 1, f"below the floor {yuan(floor)}"
    elif variant == 1:
        base, why = ceiling + rng.randint(1000, 50000) * 100, f"above the ceiling {yuan(ceiling)}"
    else:
        base, why = limits_fen(year, False)[0], f"below Wuhan's floor {yuan(floor)}"
    job.base_override = dict.fromkeys(months, base)
    finish(ctx, plan, Fate())
    region = job.employer.region if job.employer else ""
    plan.hit(
        "F06",
        f"base {yuan(base)} {why} for {month_text(months[0])}..{month_text(months[-1])} "
        f"(employer region {region})",
    )
    return plan


def plant_f07(ctx: Ctx, index: int, ordinal: int) -> Plan:
    """An employment of more than 30 days with no pension enrolment covering it."""
    variant, rng, as_of = ordinal % 3, ctx.rng, ctx.span.as_of
    plan = Plan(make_person(ctx, index, born=born_aged(ctx, 20, 45)))
    if variant == 0:
        start = as_of - timedelta(days=31)
    elif variant == 1:
        start = as_of - timedelta(days=rng.randint(180, 720))
    else:
        start = day_in(ctx, month_in_span(ctx, 0, 8))
    job = careers.new_job(ctx, plan.person, start, wage_pct=careers.wage_pct(ctx))
    if variant == 2:
        job.enrol_delay = rng.randint(3, 5)
        why = f"pension enrolment only from {month_text(month_index(job.start) + job.enrol_delay)}"
    else:
        job.enrolled, why = False, "no enrolment at all"
    plan.jobs.append(job)
    finish(ctx, plan, Fate())
    uscc = job.employer.uscc if job.employer else ""
    plan.hit(
        "F07",
        f"employed by {uscc} since {job.start} ({(as_of - job.start).days} days to {as_of}); {why}",
    )
    return plan


def plant_f08(ctx: Ctx, index: int, ordinal: int) -> Plan:
    """An insured person without an active card."""
    variant, rng = ordinal % 3, ctx.rng
    plan, job = employee_plan(ctx, index)
    finish(ctx, plan, Fate())
    issued = ctx.span.start - timedelta(days=rng.randint(100, 3000))
    status = ("temporary_loss", "", "lost")[variant]
    plan.cards = [card(ctx, plan, 0, status, issued)] if status else []
    held = f"only a {status} card" if status else "no card at all"
    uscc = job.employer.uscc if job.employer else ""
    plan.hit("F08", f"insured (pension enrolment with {uscc} in force on {ctx.span.as_of}); {held}")
    return plan


FUND_PLANTERS: dict[str, Callable[[Ctx, int, int], Plan]] = {
    "F01": plant_f01,
    "F02": plant_f02,
    "F03": plant_f03,
    "F04": plant_f04,
    "F05": plant_f05,
    "F06": plant_f06,
    "F07": plant_f07,
    "F08": plant_f08,
}
