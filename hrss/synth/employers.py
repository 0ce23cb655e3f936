"""Employers: valid USCCs, names, GB/T 4754 divisions, regions, risk classes.

Kept in memory for the whole run (about one per 20 persons). The organisation
code inside each USCC is a scrambled function of the employer's index, so every
USCC is distinct without a lookup.
"""

from __future__ import annotations

import bisect
import random
from dataclasses import dataclass
from datetime import date, timedelta

from hrss.core.identifiers.uscc import ALPHABET, build_uscc
from hrss.core.industry import SECTION_RANGES
from hrss.synth.codes import Scrambler
from hrss.synth.geo import POPULATION, Geography, Prefecture

FIRST_REGISTRATION = date(1992, 1, 1)
NEW_CODES_FROM = date(2015, 10, 1)  # "MA…" organisation codes of the USCC era
SECTION_WEIGHTS = {
    "A": 30,
    "B": 10,
    "C": 240,
    "D": 20,
    "E": 100,
    "F": 150,
    "G": 60,
    "H": 80,
    "I": 40,
    "J": 30,
    "K": 30,
    "L": 40,
    "M": 30,
    "N": 20,
    "O": 30,
    "P": 30,
    "Q": 30,
    "R": 10,
    "S": 20,
    "T": 1,
}
RISK_CLASSES = {
    "A": (3, 4),
    "B": (6, 8),
    "C": (3, 6),
    "D": (3, 4),
    "E": (5, 6),
    "F": (1, 2),
    "G": (3, 5),
    "H": (2, 2),
    "I": (1, 1),
    "J": (1, 1),
    "K": (1, 2),
    "L": (1, 2),
    "M": (1, 2),
    "N": (2, 3),
    "O": (2, 3),
    "P": (1, 1),
    "Q": (1, 2),
    "R": (2, 2),
    "S": (1, 1),
    "T": (1, 1),
}
WORDS = {
    "A": "生态农业",
    "B": "矿业",
    "C": "机械制造",
    "D": "能源",
    "E": "建筑工程",
    "F": "商贸",
    "G": "物流",
    "H": "餐饮管理",
    "I": "信息技术",
    "J": "投资管理",
    "K": "房地产开发",
    "L": "人力资源服务",
    "M": "工程设计",
    "N": "环保科技",
    "O": "家政服务",
    "P": "教育科技",
    "Q": "医疗管理",
    "R": "文化传媒",
    "S": "社区服务",
    "T": "国际交流",
}
CATEGORIES = {
    "S": (("11", 5), ("12", 3), ("51", 2)),
    "P": (("12", 5), ("52", 3), ("91", 2)),
    "Q": (("12", 5), ("52", 2), ("91", 3)),
    "A": (("93", 4), ("91", 6)),
    "F": (("92", 2), ("91", 8)),
    "H": (("92", 3), ("91", 7)),
    "O": (("92", 3), ("91", 7)),
    "T": (("Y1", 1),),
}
BRAND_CHARS = "恒华天长楚汉金鑫宏瑞中盛东新荆九万博凯鸿嘉联兴永德安康丰信达"
SUFFIXES = ("有限公司", "有限公司", "有限责任公司", "股份有限公司")
SMALL_NAMES = {"F": "便利店", "H": "饭店", "O": "汽车修理部", "A": "种植专业合作社"}
PUBLIC_NAMES = {"P": "实验中学", "Q": "人民医院", "S": "政务服务中心"}
# Manufacturing words by the first division of each range (13 农副食品 … 43 修理).
MANUFACTURING = (
    (13, "食品"),
    (17, "纺织服装"),
    (20, "家具"),
    (22, "印务"),
    (25, "化工"),
    (30, "建材"),
    (31, "金属材料"),
    (33, "机械制造"),
    (36, "汽车零部件"),
    (38, "电子科技"),
    (41, "制造"),
)


def _industry_word(section: str, division: int) -> str:
    if section != "C":
        return WORDS[section]
    return [word for low, word in MANUFACTURING if low <= division][-1]


@dataclass(frozen=True, slots=True)
class Employer:
    """One row of ``employers.csv`` plus what contributions need (pay day, arrears)."""

    uscc: str
    name: str
    industry: str
    region: str
    prefecture: str
    risk_class: int
    registered_on: date
    pay_day: int
    arrears: int  # the last ``arrears`` months of the span are unpaid

    def line(self) -> str:
        fields = (self.uscc, self.name, self.industry, self.region, str(self.risk_class))
        return ",".join(fields) + f",{self.registered_on.isoformat()}\n"


def _weighted(rng: random.Random, pairs: tuple[tuple[str, int], ...]) -> str:
    return rng.choices([p[0] for p in pairs], weights=[p[1] for p in pairs])[0]


def _name(
    rng: random.Random, category: str, section: str, division: int, pref: Prefecture, county: str
) -> str:
    brand = "".join(rng.sample(BRAND_CHARS, 2))
    if category == "91":
        return f"{pref.short}{brand}{_industry_word(section, division)}{rng.choice(SUFFIXES)}"
    if category in ("92", "93"):
        return f"{county}{brand}{SMALL_NAMES.get(section, '商行')}"
    if category in ("11", "12"):
        return f"{county}{PUBLIC_NAMES.get(section, '事务服务中心')}"
    if category == "51":
        return f"{pref.name}{brand}行业协会"
    if category == "52":
        return f"{pref.short}{brand}{'培训学校' if section == 'P' else '社会服务中心'}"
    return f"{brand}国际交流组织湖北代表处"


class _OrgCodes:
    """Distinct 8-character organisation-code bodies, numeric or ``MA…``."""

    def __init__(self, rng: random.Random) -> None:
        self.numeric = Scrambler(10**8, rng)
        self.new = Scrambler(31**6, rng)

    def body(self, index: int, new: bool) -> str:
        if not new:
            return f"{self.numeric(index):08d}"
        v, chars = self.new(index), []
        for _ in range(6):
            v, r = divmod(v, 31)
            chars.append(ALPHABET[r])
        return "MA" + "".join(chars)


def _registered_on(rng: random.Random, index: int, as_of: date) -> date:
    if index < len(POPULATION):  # one early employer per unit hosts the oldest jobs
        return FIRST_REGISTRATION + timedelta(days=rng.randrange(60))
    days = (as_of - timedelta(days=180) - FIRST_REGISTRATION).days
    return FIRST_REGISTRATION + timedelta(days=rng.randrange(days))


def _employer(
    rng: random.Random, index: int, pref: Prefecture, geo: Geography, orgs: _OrgCodes
) -> Employer:
    section = rng.choices(list(SECTION_WEIGHTS), weights=list(SECTION_WEIGHTS.values()))[0]
    low, high = next((lo, hi) for s, lo, hi, _n in SECTION_RANGES if s == section)
    division = rng.randint(low, high)
    category = _weighted(rng, CATEGORIES.get(section, (("91", 1),)))
    county = rng.choice(pref.counties)
    registered = _registered_on(rng, index, geo.as_of)
    body = orgs.body(index, category[0] == "9" and registered >= NEW_CODES_FROM)
    return Employer(
        uscc=build_uscc(category[0], category[1], county, body),
        name=_name(rng, category, section, division, pref, geo.county_name(county)),
        industry=f"{division:02d}",
        region=county,
        prefecture=pref.code,
        risk_class=rng.randint(*RISK_CLASSES[section]),
        registered_on=registered,
        pay_day=rng.randint(5, 25),
        arrears=rng.randint(1, 3) if rng.random() < 0.04 else 0,
    )


def build_employers(seed: int, count: int, geo: Geography) -> list[Employer]:
    """``count`` employers (at least one per prefecture-level unit), deterministic in ``seed``."""
    rng = random.Random(f"{seed}:employers")
    orgs = _OrgCodes(rng)
    weights = [POPULATION[p.code] * (3 if p.code == "420100" else 2) for p in geo.prefectures]
    employers = []
    for index in range(max(count, len(geo.prefectures))):
        if index < len(geo.prefectures):
            pref = geo.prefectures[index]
        else:
            pref = rng.choices(geo.prefectures, weights=weights)[0]
        employers.append(_employer(rng, index, pref, geo, orgs))
    return employers


class EmployerIndex:
    """Employers per prefecture-level unit, ordered by registration date."""

    def __init__(self, employers: list[Employer]) -> None:
        self.all = employers
        self.by_pref: dict[str, list[Employer]] = {}
        for employer in sorted(employers, key=lambda e: (e.registered_on, e.uscc)):
            self.by_pref.setdefault(employer.prefecture, []).append(employer)
        self.dates = {k: [e.registered_on for e in v] for k, v in self.by_pref.items()}

    def pick(self, rng: random.Random, pref: str, not_after: date) -> Employer:
        """An employer of ``pref`` registered on or before ``not_after`` (else the oldest)."""
        i = bisect.bisect_right(self.dates[pref], not_after)
        return self.by_pref[pref][int(rng.random() * i) if i else 0]
