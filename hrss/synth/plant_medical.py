"""Planted medical-claim cases M01–M06 (subject: a claim_id).

The person gets a background life (jobs, benefits, cards) but only the planted
claims, so that no background claim interferes with the case.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from hrss.synth.catalog import INPATIENT, ITEMS, OUTPATIENT, Diagnosis, eligible
from hrss.synth.claimgen import background_claims, drug_item, new_claim
from hrss.synth.dates import add_months, age_on
from hrss.synth.lives import Fate, finish, life
from hrss.synth.model import Claim, Ctx, Plan
from hrss.synth.people import make_person
from hrss.synth.plant_fund import born_aged

CHRONIC = {d.code: d for d in OUTPATIENT if d.chronic and d.sex == 0}


def person_plan(
    ctx: Ctx,
    index: int,
    born: tuple[date, date],
    gender: int | None = None,
    fate: Fate | None = None,
    working: bool = True,
) -> Plan:
    """A person with a background life (unless not ``working``) and no claims yet."""
    plan = Plan(make_person(ctx, index, born=born, gender=gender))
    fate = fate or Fate()
    if working:
        life(ctx, plan, fate)
    finish(ctx, plan, fate)
    plan.claims = []
    return plan


def span_day(ctx: Ctx, head: int = 0, tail: int = 0) -> date:
    """A day of the span at least ``head`` days after its start and ``tail`` before as-of."""
    lo, hi = ctx.span.start + timedelta(days=head), ctx.span.as_of - timedelta(days=tail)
    return lo + timedelta(days=ctx.rng.randrange((hi - lo).days + 1))


def outpatient(
    ctx: Ctx, plan: Plan, day: date, pref: str | None = None, diag: Diagnosis | None = None
) -> Claim:
    """An outpatient claim on ``day`` at a hospital of ``pref`` (default: home)."""
    person = plan.person
    if diag is None:
        diag = ctx.rng.choice(eligible(OUTPATIENT, person.gender, age_on(person.birth, day)))
    inst = ctx.rng.choice(ctx.institutions.hospitals[pref or person.pref])
    claim = new_claim(ctx, person, len(plan.claims), inst, diag, day, 0)
    plan.claims.append(claim)
    return claim


def plant_m01(ctx: Ctx, index: int, ordinal: int) -> Plan:
    """Inpatient readmission for the same diagnosis within 7 days of discharge."""
    variant, rng = ordinal % 3, ctx.rng
    plan = person_plan(ctx, index, born_aged(ctx, 50, 80))
    person = plan.person
    diag = rng.choice(eligible(INPATIENT, person.gender, age_on(person.birth, ctx.span.start)))
    hospitals = ctx.institutions.hospitals[person.pref]
    first_inst, gap = rng.choice(hospitals), (7, 1, 3)[variant]
    admission = span_day(ctx, 0, 60)
    stay = rng.randint(*diag.stay)
    first = new_claim(ctx, person, 0, first_inst, diag, admission, stay)
    assert first.discharge is not None
    again = first.discharge + timedelta(days=gap)
    second_inst = rng.choice([h for h in hospitals if h != first_inst] or hospitals)
    inst = second_inst if variant == 2 else first_inst
    second = new_claim(ctx, person, 1, inst, diag, again, rng.randint(*diag.stay))
    plan.claims = [first, second]
    plan.hit(
        "M01",
        f"{diag.code} readmitted {again} at {inst[0]}, {gap} days after discharge "
        f"{first.discharge} (claim {first.claim_id})",
        second.claim_id,
    )
    return plan


def _units(ctx: Ctx, home: str, variant: int) -> list[str]:
    if variant == 0:
        return ["429004", "429005"]
    far = "422800" if home != "422800" else "420100"
    if variant == 1:
        return [home, far]
    third = next(p.code for p in ctx.geo.prefectures if p.code not in (home, far))
    return [home, far, third]


def plant_m02(ctx: Ctx, index: int, ordinal: int) -> Plan:
    """Claims at institutions in different prefecture-level units on the same day."""
    plan = person_plan(ctx, index, born_aged(ctx, 20, 60))
    day = span_day(ctx)
    units = _units(ctx, plan.person.pref, ordinal % 3)
    claims = [outpatient(ctx, plan, day, unit) for unit in units]
    places = ", ".join(f"{c.institution} ({c.region})" for c in claims)
    for claim in claims:
        plan.hit("M02", f"{len(claims)} claims on {day}: {places}", claim.claim_id)
    return plan


def plant_m03(ctx: Ctx, index: int, ordinal: int) -> Plan:
    """An outpatient drug supply above 30 days."""
    variant, rng = ordinal % 3, ctx.rng
    plan = person_plan(ctx, index, born_aged(ctx, 45, 80))
    diag = CHRONIC["I10" if variant == 2 else rng.choice(sorted(CHRONIC))]
    claim = outpatient(ctx, plan, span_day(ctx), diag=diag)
    days = (31, 90, 60)[variant]
    key = diag.drugs[0]
    spot = next(i for i, it in enumerate(claim.items) if it.kind == "drug")
    trace = claim.items[spot].trace
    claim.items[spot] = drug_item(ctx, key, days, trace)
    if variant == 2 and len([i for i in claim.items if i.kind == "drug"]) == 1:
        claim.items.append(drug_item(ctx, diag.drugs[1], 30, ""))
    plan.hit("M03", f"outpatient {ITEMS[key].name} supplied for {days} days", claim.claim_id)
    return plan


def _m04_child(ctx: Ctx, index: int) -> tuple[Plan, Claim, str]:
    lo, hi = born_aged(ctx, 18, 18)
    lo = max(lo, add_months(ctx.span.start, -18 * 12))
    while True:
        birth = lo + timedelta(days=ctx.rng.randrange((hi - lo).days + 1))
        if (birth.month, birth.day) != (2, 29):
            break
    plan = person_plan(ctx, index, (birth, birth))
    day = add_months(birth, 18 * 12)
    diag = next(d for d in OUTPATIENT if d.code == "J06.9" and d.ages[0] == 0)
    claim = outpatient(ctx, plan, day, diag=diag)
    if not any(item.restriction == "child_only" for item in claim.items):
        claim.items.append(drug_item(ctx, "kids_cold", 5, ""))
    return plan, claim, f"child_only item on {day}, the 18th birthday (born {birth})"


def plant_m04(ctx: Ctx, index: int, ordinal: int) -> Plan:
    """An item restricted to the other sex, children, work injury or maternity."""
    variant = ordinal % 5
    if variant == 0:
        plan, claim, why = _m04_child(ctx, index)
        plan.hit("M04", why, claim.claim_id)
        return plan
    key, gender, ages, why = (
        ("tamsulosin", 2, (30, 70), "male_only item for a woman"),
        ("nifuratel", 1, (20, 60), "female_only item for a man"),
        ("egf_gel", 0, (30, 60), "work_injury_only item, no work-injury insurance, diagnosis "),
        ("oxytocin", 1, (30, 60), "maternity_only item for a man"),
    )[variant - 1]
    plan = person_plan(ctx, index, born_aged(ctx, *ages), gender or None, working=variant != 3)
    claim = outpatient(ctx, plan, span_day(ctx))
    claim.items.append(drug_item(ctx, key, 7, ""))
    if variant == 3:
        why += claim.diagnosis
    plan.hit("M04", f"{ITEMS[key].name}: {why}", claim.claim_id)
    return plan


def plant_m05(ctx: Ctx, index: int, ordinal: int) -> Plan:
    """Claims with an admission after the person's death."""
    variant, rng = ordinal % 3, ctx.rng
    death = span_day(ctx, 30, 160)
    plan = person_plan(ctx, index, born_aged(ctx, 50, 85), fate=Fate(death=death))
    plan.claims = background_claims(ctx, plan)
    offsets = ([1], [rng.randint(60, 150)], [rng.randint(10, 40), rng.randint(50, 150)])[variant]
    for offset in offsets:
        claim = outpatient(ctx, plan, death + timedelta(days=offset))
        plan.hit(
            "M05",
            f"admitted {claim.admission}, {offset} days after death on {death}",
            claim.claim_id,
        )
    return plan


def plant_m06(ctx: Ctx, index: int, ordinal: int) -> Plan:
    """The same drug traceability code in two (or three) claims."""
    variant, rng = ordinal % 3, ctx.rng
    plan = person_plan(ctx, index, born_aged(ctx, 40, 80))
    first_day = span_day(ctx, 0, 120)
    days = (
        [first_day, first_day],
        [first_day, first_day + timedelta(days=rng.randint(20, 40))],
        [first_day, first_day + timedelta(days=30), first_day + timedelta(days=75)],
    )[variant]
    claims = [outpatient(ctx, plan, day, diag=CHRONIC["I10"]) for day in days]
    item = ITEMS["atorvastatin"]
    code = ctx.codes.trace_code(item.product, plan.person.index, 0, len(claims[0].items))
    for claim in claims:
        claim.items.append(drug_item(ctx, "atorvastatin", 14, code))
    ordered = sorted(claims, key=lambda c: (c.settled_on, c.claim_id))
    for later in ordered[1:]:
        plan.hit(
            "M06",
            f"trace code {code} first claimed in {ordered[0].claim_id} on {ordered[0].settled_on}",
            later.claim_id,
        )
    return plan


MEDICAL_PLANTERS: dict[str, Callable[[Ctx, int, int], Plan]] = {
    "M01": plant_m01,
    "M02": plant_m02,
    "M03": plant_m03,
    "M04": plant_m04,
    "M05": plant_m05,
    "M06": plant_m06,
}
