"""Name and address pools drawn once from Faker('zh_CN'), seeded from the run's seed.

Calling Faker per person costs ~20 µs a name; drawing from pools that Faker filled
(so surname frequencies follow Faker's weights) costs well under 1 µs.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from faker import Faker

POOL_SIZE = 4000
ROADS = (
    "解放",
    "中山",
    "建设",
    "人民",
    "胜利",
    "和平",
    "友谊",
    "长江",
    "汉江",
    "沿江",
    "东风",
    "新华",
    "光明",
    "青年",
    "文化",
    "民主",
    "团结",
    "工业",
    "航空",
    "珞喻",
    "武珞",
    "雄楚",
    "关山",
    "楚雄",
    "交通",
    "幸福",
    "育才",
    "学院",
    "滨江",
    "东湖",
    "西陵",
    "北京",
    "黄河",
    "金桥",
    "光谷",
    "江汉",
    "荆州",
    "屈原",
    "神农",
    "楚天",
    "白沙",
    "桃园",
    "红旗",
    "五一",
)
ROAD_SUFFIXES = ("路", "路", "大道", "街", "巷")
ESTATES = (
    "阳光",
    "锦绣",
    "金色",
    "翡翠",
    "碧桂",
    "万科",
    "保利",
    "书香",
    "丽水",
    "绿地",
    "东方",
    "名都",
    "江景",
    "南湖",
    "花园",
    "桂花",
    "梧桐",
    "怡和",
    "安居",
    "和谐",
    "新村",
    "香樟",
)
ESTATE_SUFFIXES = ("小区", "花园", "家园", "苑", "公寓", "新城")
MOBILE_PREFIXES = tuple(
    str(p)
    for p in (
        *range(130, 140),
        *range(150, 154),
        *range(155, 160),
        166,
        173,
        175,
        176,
        177,
        178,
        *range(180, 190),
        191,
        198,
        199,
    )
)


@dataclass(frozen=True, slots=True)
class Pools:
    """Surname and given-name pools drawn from Faker."""

    surnames: tuple[str, ...]
    male_given: tuple[str, ...]
    female_given: tuple[str, ...]

    def name(self, rng: random.Random, gender: int) -> str:
        """A full name for ``gender`` (1 male, 2 female)."""
        given = self.male_given if gender == 1 else self.female_given
        return self.surnames[int(rng.random() * POOL_SIZE)] + given[int(rng.random() * POOL_SIZE)]


def build_pools(seed: int) -> Pools:
    """Pools of surnames and given names from a Faker seeded with ``seed``."""
    fake = Faker("zh_CN")
    fake.seed_instance(seed)
    return Pools(
        surnames=tuple(fake.last_name() for _ in range(POOL_SIZE)),
        male_given=tuple(fake.first_name_male() for _ in range(POOL_SIZE)),
        female_given=tuple(fake.first_name_female() for _ in range(POOL_SIZE)),
    )


def phone(rng: random.Random) -> str:
    """An 11-digit mainland mobile number."""
    return MOBILE_PREFIXES[int(rng.random() * len(MOBILE_PREFIXES))] + f"{rng.randrange(10**8):08d}"


def street_address(rng: random.Random) -> str:
    """Road, number, estate, building, unit and room."""
    road = rng.choice(ROADS) + rng.choice(ROAD_SUFFIXES)
    estate = rng.choice(ESTATES) + rng.choice(ESTATE_SUFFIXES)
    number, building, unit = rng.randint(1, 999), rng.randint(1, 40), rng.randint(1, 6)
    room = f"{rng.randint(1, 30)}{rng.randint(1, 6):02d}"
    return f"{road}{number}号{estate}{building}栋{unit}单元{room}室"
