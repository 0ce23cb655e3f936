"""Hubei geography for the generator, built on :func:`hrss.core.regions.region_table`.

Prefecture-level units are the 13 prefectures/autonomous prefecture plus the four
province-administered county-level units (429004/5/6, 429021), each its own unit.
"""

from __future__ import annotations

import bisect
import random
from dataclasses import dataclass, field
from datetime import date
from itertools import accumulate

from hrss.core.regions import RegionCode, region_table

# Resident population (10 000s, 2020 census, rounded) — weights for persons and employers.
POPULATION = {
    "420100": 1232,
    "420200": 247,
    "420300": 321,
    "420500": 401,
    "420600": 526,
    "420700": 108,
    "420800": 260,
    "420900": 427,
    "421000": 523,
    "421100": 588,
    "421200": 266,
    "421300": 205,
    "422800": 346,
    "429004": 113,
    "429005": 89,
    "429006": 116,
    "429021": 8,
}
SUFFIXES = ("土家族苗族自治州", "林区", "市")
TABLE_START_YEAR = 1980


def prefecture_of(code: str) -> str:
    """The prefecture-level unit of a county code (429xxx units are their own)."""
    return code if code.startswith("4290") else code[:4] + "00"


def _short(name: str) -> str:
    for suffix in SUFFIXES:
        if name.endswith(suffix):
            return name[: -len(suffix)]
    return name


@dataclass(frozen=True, slots=True)
class Prefecture:
    """A prefecture-level unit and its current county codes."""

    code: str
    name: str
    short: str
    counties: tuple[str, ...]


def _is_county(row: RegionCode) -> bool:
    return row.level == "county" and not row.name.endswith("市辖区")


@dataclass(slots=True)
class Geography:
    """Current prefecture-level units, their counties, and historical county codes."""

    as_of: date
    prefectures: tuple[Prefecture, ...]
    names: dict[str, str]
    _cum: list[int] = field(default_factory=list)
    _birth_cache: dict[tuple[int, str], tuple[str, ...]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._cum = list(accumulate(POPULATION[p.code] for p in self.prefectures))

    def by_code(self, code: str) -> Prefecture:
        return next(p for p in self.prefectures if p.code == code)

    def draw(self, rng: random.Random) -> Prefecture:
        """A prefecture-level unit weighted by population."""
        i = bisect.bisect_right(self._cum, rng.random() * self._cum[-1])
        return self.prefectures[min(i, len(self.prefectures) - 1)]

    def birth_counties(self, year: int, pref: Prefecture) -> tuple[str, ...]:
        """County codes of ``pref`` in force for all of ``year``; if the table has none
        that early, the unit's earliest codes (never one abolished before ``year``)."""
        key = (max(year, TABLE_START_YEAR), pref.code)
        if key not in self._birth_cache:
            self._birth_cache[key] = _in_force_all_year(key[0], pref) or _earliest(pref)
        return self._birth_cache[key]

    def county_name(self, code: str) -> str:
        return self.names[code]


def _in_force_all_year(year: int, pref: Prefecture) -> tuple[str, ...]:
    first, last = date(year, 1, 1), date(year, 12, 31)
    return tuple(
        sorted(
            r.code
            for r in region_table().values()
            if _is_county(r)
            and prefecture_of(r.code) == pref.code
            and r.in_force_on(first)
            and r.in_force_on(last)
        )
    )


def _earliest(pref: Prefecture) -> tuple[str, ...]:
    rows = [
        r for r in region_table().values() if _is_county(r) and prefecture_of(r.code) == pref.code
    ]
    first = min(r.valid_from for r in rows)
    return tuple(sorted(r.code for r in rows if r.in_force_on(first)))


def build_geography(as_of: date) -> Geography:
    """The 17 units in force on ``as_of`` with their current counties."""
    table = region_table()
    prefectures = []
    for code in sorted(POPULATION):
        row = table[code]
        counties: tuple[str, ...] = (code,)
        if not code.startswith("4290"):
            counties = tuple(
                sorted(
                    r.code
                    for r in table.values()
                    if _is_county(r) and r.parent == code and r.in_force_on(as_of)
                )
            )
        prefectures.append(Prefecture(code, row.name, _short(row.name), counties))
    names = {code: row.name for code, row in table.items()}
    return Geography(as_of=as_of, prefectures=tuple(prefectures), names=names)
