"""Background persons: a life course by age, a fate, cards and claims.

Nothing here breaks a screening rule; :mod:`hrss.synth.plant_fund` and
:mod:`hrss.synth.plant_medical` build the deliberate exceptions.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from hrss.synth import careers
from hrss.synth.cardgen import background_cards
from hrss.synth.claimgen import background_claims
from hrss.synth.dates import add_months, age_on, month_index
from hrss.synth.model import Ctx, Payment, Plan
from hrss.synth.people import make_person
from hrss.synth.retirement import retirement_date, retirement_month

RECORDED_RETIREMENTS = date(2000, 1, 1)  # older retirements have no employment record
PENSIONS = (
    ("pension_employee", 75, (250_000, 650_000)),
    ("pension_public", 8, (500_000, 900_000)),
    ("pension_resident", 10, (15_000, 40_000)),
    ("", 7, (0, 0)),
)
DEATH_SOURCES = ("public_security", "public_security", "civil_affairs", "health")


@dataclass(slots=True)
class Fate:
    """What partner agencies will report about the person during the span."""

    death: date | None = None
    prison: date | None = None
    release: date | None = None
    emigration: date | None = None


DEATH_RISK = ((40, 0.001), (60, 0.004), (70, 0.012), (80, 0.035), (200, 0.1))  # over the span


def _death_risk(age: int) -> float:
    return next(risk for below, risk in DEATH_RISK if age < below)


def _in_span(ctx: Ctx, margin: int = 1) -> date:
    days = (ctx.span.as_of - ctx.span.start).days - margin
    return ctx.span.start + timedelta(days=ctx.rng.randrange(days))


def draw_fate(ctx: Ctx, age: int) -> Fate:
    """Death (by age), imprisonment or emigration during the span, or nothing."""
    roll, risk = ctx.rng.random(), _death_risk(age)
    if roll < risk:
        return Fate(death=_in_span(ctx))
    if roll < risk + 0.001 and 18 <= age < 75:
        prison = _in_span(ctx, 30)
        release = prison + timedelta(days=ctx.rng.randint(180, 540))
        return Fate(prison=prison, release=release if release < ctx.span.as_of else None)
    if roll < risk + 0.0015 and 20 <= age < 55:
        return Fate(emigration=_in_span(ctx, 30))
    return Fate()


def record_fate(ctx: Ctx, plan: Plan, fate: Fate) -> None:
    """Life events from partner agencies for the fate."""
    rng = ctx.rng
    if fate.death:
        plan.death = fate.death
        plan.events.append(("death", fate.death, rng.choice(DEATH_SOURCES)))
    if fate.prison:
        plan.events.append(("imprisonment", fate.prison, rng.choice(("court", "prison"))))
    if fate.release:
        plan.events.append(("release", fate.release, "prison"))
    if fate.emigration:
        plan.events.append(("emigration", fate.emigration, "public_security"))


def pension(
    ctx: Ctx, plan: Plan, benefit: str, first: int, fate: Fate, amounts: tuple[int, int]
) -> None:
    """A pension from ``first`` to the span's end, stopped before death, suspended in prison."""
    last = ctx.span.last if fate.death is None else month_index(fate.death) - 1
    stream = Payment(
        benefit,
        plan.person.pref,
        first,
        last,
        ctx.rng.randint(*amounts),
        pay_day=ctx.rng.randint(5, 12),
    )
    if fate.prison:
        end = month_index(fate.release) if fate.release else ctx.span.last
        stream.skip.append((month_index(fate.prison), end))
    plan.payments.append(stream)


def retiree(ctx: Ctx, plan: Plan, ret_month: int, fate: Fate) -> None:
    """Someone past the statutory age when the span starts (cadre rule for women)."""
    rng, person = ctx.rng, plan.person
    benefit, _w, amounts = rng.choices(PENSIONS, weights=[p[1] for p in PENSIONS])[0]
    if benefit == "pension_resident" and age_on(person.birth, ctx.span.start) < 65:
        benefit, amounts = PENSIONS[0][0], PENSIONS[0][2]
    plan.retired_month = ret_month
    if not benefit:
        return
    first = ret_month + 1
    if benefit == "pension_employee":
        retired_on = retirement_date(person.birth, person.gender)
        if retired_on >= RECORDED_RETIREMENTS:
            plan.jobs = careers.career(ctx, person, retired_on, "retirement")
    elif benefit == "pension_resident":
        first = max(first, month_index(add_months(person.birth, 60 * 12)) + 1)
    pension(ctx, plan, benefit, first, fate, amounts)


def _stop(ctx: Ctx, fate: Fate, ret_month: int, retire_on: date) -> tuple[date | None, str]:
    if fate.death:
        return fate.death, "death"
    if fate.prison:
        return fate.prison, "dismissal"
    if fate.emigration:
        return fate.emigration - timedelta(days=ctx.rng.randint(1, 60)), "resignation"
    if ret_month <= ctx.span.last:
        return retire_on, "retirement"
    return None, ""


def _employee(ctx: Ctx, plan: Plan, stop: date | None, reason: str, ret_month: int) -> None:
    plan.jobs = careers.career(ctx, plan.person, stop, reason)
    if reason == "retirement" and plan.jobs:
        plan.retired_month = ret_month
        if ret_month + 1 <= ctx.span.last:
            pension(ctx, plan, "pension_employee", ret_month + 1, Fate(), PENSIONS[0][2])


def _flexible(ctx: Ctx, plan: Plan, stop: date | None) -> None:
    rng, person = ctx.rng, plan.person
    earliest = max(add_months(person.birth, 18 * 12), ctx.span.start - timedelta(days=6 * 365))
    latest = (stop or ctx.span.as_of) - timedelta(days=60)
    if earliest >= latest:
        return
    start = earliest + timedelta(days=rng.randrange((latest - earliest).days))
    if rng.random() < 0.5 and start > add_months(person.birth, 21 * 12):
        jobs = careers.career(
            ctx, person, start - timedelta(days=rng.randint(1, 200)), "resignation"
        )
        plan.jobs = [j for j in jobs if j.end is not None and j.end < start]
    plan.jobs.append(careers.flexible(ctx, start, stop))


def _unemployed(ctx: Ctx, plan: Plan) -> None:
    rng, person = ctx.rng, plan.person
    lo = ctx.span.start - timedelta(days=240)
    ended = lo + timedelta(days=rng.randrange((ctx.span.as_of - lo).days - 40))
    jobs = careers.career(
        ctx,
        person,
        ended,
        rng.choice(careers.INVOLUNTARY),
        latest_start=ended - timedelta(days=400),
    )
    if not jobs or jobs[-1].end != ended:
        plan.jobs = jobs
        return
    spell = careers.ui_spell(ctx, person, jobs, None)
    plan.jobs, plan.payments = jobs, [spell]
    if rng.random() < 0.45:
        job = careers.after_spell(ctx, person, spell, None)
        if job is not None:
            plan.jobs.append(job)


def working(ctx: Ctx, plan: Plan, ret_month: int, fate: Fate) -> None:
    """Working age at the span's start: employee, flexible, unemployed or not working."""
    rng, person = ctx.rng, plan.person
    age = age_on(person.birth, ctx.span.as_of)
    stop, reason = _stop(ctx, fate, ret_month, retirement_date(person.birth, person.gender))
    roll = rng.random() if age >= 22 else rng.random() * 1.6
    settled = ret_month > ctx.span.last + 24 and fate == Fate()
    if roll < 0.60:
        _employee(ctx, plan, stop, reason, ret_month)
    elif roll < 0.67 and ret_month > ctx.span.last + 1:
        _flexible(ctx, plan, stop)
    elif roll < 0.72 and settled and age >= 20:
        _unemployed(ctx, plan)
    elif roll < 0.85 and age >= 25:
        old = ctx.span.start - timedelta(days=rng.randint(30, 2500))
        if old > add_months(person.birth, 20 * 12):
            plan.jobs = careers.career(ctx, person, old, careers.ending(ctx))


def life(ctx: Ctx, plan: Plan, fate: Fate) -> None:
    """Jobs and benefits by age: retired, working age, or a child (nothing)."""
    person = plan.person
    if age_on(person.birth, ctx.span.as_of) < 16:
        return
    ret_month = retirement_month(person.birth, person.gender)
    if ret_month < ctx.span.first:
        retiree(ctx, plan, ret_month, fate)
    else:
        working(ctx, plan, ret_month, fate)


def finish(ctx: Ctx, plan: Plan, fate: Fate) -> None:
    """Life events, cards and background claims once jobs and benefits are set."""
    record_fate(ctx, plan, fate)
    plan.cards = background_cards(ctx, plan, needs_active=bool(plan.jobs or plan.payments))
    plan.claims = background_claims(ctx, plan)


def plan_background(ctx: Ctx, index: int) -> Plan:
    """One background person with every record they would have."""
    person = make_person(ctx, index)
    plan = Plan(person)
    fate = draw_fate(ctx, age_on(person.birth, ctx.span.as_of))
    if fate.death is not None and fate.death <= person.birth + timedelta(days=30):
        fate = Fate()
    life(ctx, plan, fate)
    finish(ctx, plan, fate)
    return plan
