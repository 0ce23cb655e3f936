"""Medical claims from the medical-insurance feed, with their items.

Background rules (so that only planted claims hit M01–M06): all of a person's
claims are in the unit they live in, on distinct days, at most one inpatient
stay, outpatient drug supplies of at most 30 days, restricted items only for the
right sex, age (children under 14) or maternity diagnosis, unique trace codes,
and nothing on or after the day of death.
"""

from __future__ import annotations

from datetime import date, timedelta

from hrss.synth.careers import poissonish
from hrss.synth.catalog import DELIVERY, INPATIENT, ITEMS, OUTPATIENT, Diagnosis, eligible
from hrss.synth.dates import age_on
from hrss.synth.model import Claim, ClaimItem, Ctx, Person, Plan

TRACE_MANDATORY = date(2025, 1, 1)
CHRONIC_DAYS = (14, 28, 30, 30)


def _trace(ctx: Ctx, person: Person, ordinal: int, item_no: int, product: int, day: date) -> str:
    share = 0.8 if day >= TRACE_MANDATORY else 0.4
    if ctx.rng.random() >= share:
        return ""
    return ctx.codes.trace_code(product, person.index, ordinal, item_no)


def drug_item(ctx: Ctx, key: str, days: int, trace: str) -> ClaimItem:
    """``days`` of drug ``key`` (quantity in packs)."""
    item = ITEMS[key]
    quantity = -(-days // item.pack_days)
    return ClaimItem(
        item.code, item.name, "drug", quantity, item.price, days, trace, item.restriction
    )


def other_item(key: str, quantity: int) -> ClaimItem:
    """A service or material item."""
    item = ITEMS[key]
    return ClaimItem(item.code, item.name, item.kind, quantity, item.price, 0, "", item.restriction)


def claim_items(
    ctx: Ctx, person: Person, ordinal: int, diag: Diagnosis, stay: int, day: date
) -> list[ClaimItem]:
    """Services, 1–n drugs and materials for a claim of ``stay`` days (0: outpatient)."""
    rng = ctx.rng
    items = [other_item(k, stay if ITEMS[k].per_day and stay else 1) for k in diag.services]
    drugs = diag.drugs if stay else rng.sample(diag.drugs, rng.randint(1, len(diag.drugs)))
    for key in drugs:
        if stay:
            days = stay if ITEMS[key].pack_days == 1 else min(stay, 7)
        else:
            days = rng.choice(CHRONIC_DAYS) if diag.chronic else rng.randint(3, 7)
        trace = _trace(ctx, person, ordinal, len(items), ITEMS[key].product, day)
        items.append(drug_item(ctx, key, days, trace))
    items += [other_item(k, rng.randint(1, 3)) for k in diag.materials]
    return items


def new_claim(
    ctx: Ctx,
    person: Person,
    ordinal: int,
    inst: tuple[str, str],
    diag: Diagnosis,
    admission: date,
    stay: int,
    settle_delay: int = 0,
) -> Claim:
    """Claim ``ordinal`` of the person with its items; ``stay`` 0 = outpatient."""
    rng = ctx.rng
    items = claim_items(ctx, person, ordinal, diag, stay, admission)
    discharge = admission + timedelta(days=stay) if stay else None
    fund_bp = rng.randint(7000, 9000) if stay else rng.randint(5000, 7000)
    settled = (discharge or admission) + timedelta(days=settle_delay)
    return Claim(
        ctx.codes.claim_id(person.index, ordinal),
        inst[0],
        inst[1],
        bool(stay),
        admission,
        discharge,
        diag.code,
        items,
        fund_bp,
        settled,
    )


def _free_day(ctx: Ctx, lo: date, hi: date, busy: list[tuple[date, date]]) -> date | None:
    for _ in range(5):
        day = lo + timedelta(days=ctx.rng.randrange((hi - lo).days + 1))
        if all(not (a <= day <= b) for a, b in busy):
            return day
    return None


def _stay(ctx: Ctx, plan: Plan, lo: date, hi: date, options: tuple[Diagnosis, ...]) -> Claim | None:
    person, rng = plan.person, ctx.rng
    if (hi - lo).days < 20:
        return None
    admission = lo + timedelta(days=rng.randrange((hi - lo).days - 18))
    choices = eligible(options, person.gender, age_on(person.birth, admission))
    if not choices:
        return None
    diag = rng.choice(choices)
    stay = rng.randint(*diag.stay)
    inst = rng.choice(ctx.institutions.hospitals[person.pref])
    delay = min(rng.randint(0, 3), (hi - admission).days - stay)
    return new_claim(ctx, person, len(plan.claims), inst, diag, admission, stay, delay)


def _outpatient(ctx: Ctx, plan: Plan, day: date) -> Claim | None:
    person, rng = plan.person, ctx.rng
    choices = eligible(OUTPATIENT, person.gender, age_on(person.birth, day))
    if not choices:
        return None
    places = ctx.institutions.hospitals[person.pref] + ctx.institutions.clinics[person.pref]
    return new_claim(ctx, person, len(plan.claims), rng.choice(places), rng.choice(choices), day, 0)


def _rates(age: int) -> tuple[float, float]:
    if age < 14:
        return 1.2, 0.02
    if age < 45:
        return 0.5, 0.02
    return (1.2, 0.05) if age < 65 else (2.0, 0.10)


def background_claims(ctx: Ctx, plan: Plan) -> list[Claim]:
    """A few outpatient visits and perhaps one stay, all before any death."""
    person, rng = plan.person, ctx.rng
    lo = max(ctx.span.start, person.birth + timedelta(days=1))
    hi = plan.death - timedelta(days=1) if plan.death else ctx.span.as_of
    if hi <= lo:
        return []
    outpatient_mean, inpatient_share = _rates(age_on(person.birth, ctx.span.as_of))
    stay = None
    if rng.random() < inpatient_share:
        stay = _stay(ctx, plan, lo, hi, INPATIENT)
    elif person.gender == 2 and 20 <= age_on(person.birth, lo) <= 40 and rng.random() < 0.03:
        stay = _stay(ctx, plan, lo, hi, (DELIVERY,))
    busy: list[tuple[date, date]] = []
    if stay is not None:
        plan.claims.append(stay)
        assert stay.discharge is not None
        busy.append((stay.admission - timedelta(days=1), stay.settled_on + timedelta(days=1)))
    for _ in range(poissonish(ctx, outpatient_mean)):
        day = _free_day(ctx, lo, hi, busy)
        claim = _outpatient(ctx, plan, day) if day else None
        if claim is not None:
            plan.claims.append(claim)
            busy.append((claim.admission, claim.admission))
    return plan.claims
