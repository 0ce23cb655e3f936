"""GB/T 2260 administrative division codes.

The bundled table (``data/gbt2260_hubei.csv``) lists Hubei down to county level
with the dates each code was in force, historical codes included: an ID number
keeps the address code its holder was first registered under, often one that
has since been abolished (422201 in the former 孝感地区, 421023 监利县, ...).

Outside Hubei only the province part is checked here: the platform holds no
other province's county table, and a migrant worker's number must not be
refused for that. Where the exact county list of an abolished prefecture is not
in the table, any county slot under it is accepted for ID numbers (the checksum
still guards the number); the registry's own ``Region`` table, loaded from this
file and extended by administrators, is what records may point to.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path

from hrss.core import clock

DATA_FILE = Path(__file__).parent / "data" / "gbt2260_hubei.csv"

# fmt: off
PROVINCE_CODES: dict[str, str] = {
    "11": "北京市", "12": "天津市", "13": "河北省", "14": "山西省", "15": "内蒙古自治区",
    "21": "辽宁省", "22": "吉林省", "23": "黑龙江省",
    "31": "上海市", "32": "江苏省", "33": "浙江省", "34": "安徽省", "35": "福建省",
    "36": "江西省", "37": "山东省",
    "41": "河南省", "42": "湖北省", "43": "湖南省", "44": "广东省", "45": "广西壮族自治区",
    "46": "海南省", "50": "重庆市", "51": "四川省", "52": "贵州省", "53": "云南省",
    "54": "西藏自治区", "61": "陕西省", "62": "甘肃省", "63": "青海省", "64": "宁夏回族自治区",
    "65": "新疆维吾尔自治区", "71": "台湾省", "81": "香港特别行政区", "82": "澳门特别行政区",
}
# fmt: on
HMT_RESIDENCE_CODES = frozenset({"810000", "820000", "830000"})
TABLE_PROVINCE = "42"


@dataclass(frozen=True, slots=True)
class RegionCode:
    code: str
    name: str
    level: str  # province | prefecture | county
    parent: str | None
    valid_from: date
    valid_to: date | None

    def in_force_on(self, day: date) -> bool:
        return self.valid_from <= day and (self.valid_to is None or day < self.valid_to)


@cache
def region_table() -> dict[str, RegionCode]:
    """The bundled table, keyed by code (a code reused later keeps its latest row)."""
    table: dict[str, RegionCode] = {}
    with DATA_FILE.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            table[row["code"]] = RegionCode(
                code=row["code"],
                name=row["name"],
                level=row["level"],
                parent=row["parent"] or None,
                valid_from=date.fromisoformat(row["valid_from"]),
                valid_to=date.fromisoformat(row["valid_to"]) if row["valid_to"] else None,
            )
    return table


@cache
def _abolished_prefecture_prefixes() -> frozenset[str]:
    return frozenset(
        r.code[:4] for r in region_table().values() if r.level == "prefecture" and r.valid_to
    )


def hubei_prefectures() -> list[RegionCode]:
    """The 17 prefecture-level units in force today (incl. 省直辖 county-level cities).

    "Today" is Shanghai's date from :mod:`hrss.core.clock`, so a frozen clock applies.
    """
    today = clock.today()
    return [
        r
        for r in region_table().values()
        if r.in_force_on(today)
        and (r.level == "prefecture" or (r.parent == "420000" and r.level == "county"))
    ]


def is_address_code(code: str) -> bool:
    """Could ``code`` be the address part of an ID number (any GB/T 2260 version)?"""
    if len(code) != 6 or not code.isdigit():
        return False
    if code in HMT_RESIDENCE_CODES:
        return True
    province = code[:2]
    if province not in PROVINCE_CODES or province in {"81", "82"}:
        return False
    if province != TABLE_PROVINCE:
        return code[2:] != "0000" or province == "71"
    if code in region_table():
        return True
    return code[:4] in _abolished_prefecture_prefixes() and code[4:] != "00"


def is_known_region(code: str, *, on: date | None = None) -> bool:
    """Is ``code`` a region a record may point to (and in force on ``on``, if given)?"""
    if len(code) != 6 or not code.isdigit():
        return False
    if code[:2] != TABLE_PROVINCE:
        return code[:2] in PROVINCE_CODES and code[:2] not in {"81", "82", "71"}
    row = region_table().get(code)
    if row is None:
        return False
    return on is None or row.in_force_on(on)


def region_name(code: str) -> str:
    row = region_table().get(code)
    if row is not None:
        return row.name
    return PROVINCE_CODES.get(code[:2], "未知地区")
