"""Persons: name, gender, birth date, a valid unique ID number, regions, contacts."""

from __future__ import annotations

import bisect
from datetime import date, timedelta
from itertools import accumulate

from hrss.core.identifiers.id_number import check_char
from hrss.synth.codes import id_sequence
from hrss.synth.geo import Prefecture
from hrss.synth.model import Ctx, Person
from hrss.synth.pools import phone, street_address

EARLIEST_BIRTH = date(1926, 1, 1)
WUHAN = "420100"


def _age_weights() -> list[float]:
    bands = (
        (15, 1.0),
        (25, 1.0),
        (35, 1.4),
        (45, 1.3),
        (60, 1.6),
        (70, 1.3),
        (80, 0.7),
        (90, 0.25),
        (96, 0.05),
    )
    weights, age = [], 0
    for upper, weight in bands:
        weights += [weight] * (upper - age)
        age = upper
    return weights


AGE_CUM = list(accumulate(_age_weights()))


def _draw_birth(ctx: Ctx, born: tuple[date, date] | None) -> date:
    rng, as_of = ctx.rng, ctx.span.as_of
    if born is not None:
        return born[0] + timedelta(days=rng.randrange((born[1] - born[0]).days + 1))
    age = bisect.bisect_right(AGE_CUM, rng.random() * AGE_CUM[-1])
    birth = as_of - timedelta(days=age * 365 + age // 4 + rng.randrange(365))
    return max(birth, EARLIEST_BIRTH)


def _id_number(ctx: Ctx, pref: Prefecture, birth: date, gender: int) -> str | None:
    address = ctx.rng.choice(ctx.geo.birth_counties(birth.year, pref))
    seq = id_sequence(ctx.rng, ctx.chunk, ctx.chunks, address, birth, gender)
    body = f"{address}{birth.year:04d}{birth.month:02d}{birth.day:02d}{seq:03d}"
    if body in ctx.seen:
        return None
    ctx.seen.add(body)
    return body + check_char(body)


def _regions(ctx: Ctx, pref: Prefecture, id_number: str) -> tuple[str, str, Prefecture]:
    """Hukou county, residence column, and the unit the person lives in."""
    rng = ctx.rng
    address = id_number[:6]
    keep = address in pref.counties and rng.random() < 0.85
    hukou = address if keep else rng.choice(pref.counties)
    roll = rng.random()
    home = pref if roll < 0.8 else ctx.geo.by_code(WUHAN) if roll < 0.92 else ctx.geo.draw(rng)
    county = hukou if home is pref and rng.random() < 0.7 else rng.choice(home.counties)
    shown = "" if county == hukou and rng.random() < 0.5 else county
    return hukou, shown, home


def _address(ctx: Ctx, home: Prefecture, county: str) -> str:
    place = home.name if home.code.startswith("4290") else home.name + ctx.geo.county_name(county)
    return f"湖北省{place}{street_address(ctx.rng)}"


def make_person(
    ctx: Ctx, index: int, *, born: tuple[date, date] | None = None, gender: int | None = None
) -> Person:
    """A new person, unique in the run; ``born`` bounds the birth date (inclusive)."""
    rng = ctx.rng
    sex = gender or (1 if rng.random() < 0.51 else 2)
    while True:
        birth = _draw_birth(ctx, born)
        pref = ctx.geo.draw(rng)
        id_number = _id_number(ctx, pref, birth, sex)
        if id_number is not None:
            break
    hukou, residence, home = _regions(ctx, pref, id_number)
    adult = (ctx.span.as_of - birth).days >= 16 * 365
    mobile = phone(rng) if adult and rng.random() < 0.9 else ""
    county = residence or hukou
    return Person(
        index=index,
        id_number=id_number,
        name=ctx.pools.name(rng, sex),
        gender=sex,
        birth=birth,
        hukou=hukou,
        residence=residence,
        pref=home.code,
        phone=mobile,
        address=_address(ctx, home, county),
    )
