"""GB/T 2260 codes: the bundled Hubei table, historical codes, other provinces."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from hrss.core import clock
from hrss.core.regions import (
    hubei_prefectures,
    is_address_code,
    is_known_region,
    region_name,
    region_table,
)


@pytest.mark.parametrize(
    "code",
    [
        "420106",  # 武昌区
        "421088",  # 监利市 (since 2020)
        "429004",  # 仙桃市, 省直辖
        "422801",  # 恩施市
    ],
)
def test_current_hubei_codes(code: str) -> None:
    assert is_address_code(code)
    assert is_known_region(code)
    assert is_known_region(code, on=date(2025, 1, 1))


@pytest.mark.parametrize(
    ("code", "in_force_on", "gone_on"),
    [
        ("421023", date(2019, 1, 1), date(2021, 1, 1)),  # 监利县 → 421088
        ("420821", date(2017, 1, 1), date(2019, 1, 1)),  # 京山县 → 420882
        ("420400", date(1990, 1, 1), date(1995, 1, 1)),  # 沙市市
        ("422200", date(1990, 1, 1), date(1994, 1, 1)),  # 孝感地区
    ],
)
def test_historical_hubei_codes(code: str, in_force_on: date, gone_on: date) -> None:
    assert is_address_code(code)
    assert is_known_region(code)
    assert is_known_region(code, on=in_force_on)
    assert not is_known_region(code, on=gone_on)


def test_county_slot_under_an_abolished_prefecture_is_an_address_code_only() -> None:
    # 4222xx: counties of the former 孝感地区 are not all in the table; an ID number
    # may still carry them, but records may only point to listed regions.
    assert "422205" not in region_table()
    assert is_address_code("422205")
    assert not is_known_region("422205")
    assert is_address_code("420402")  # under 沙市市 (abolished 1994)
    assert not is_address_code("420599")  # 宜昌市 is current: its county list is complete


@pytest.mark.parametrize("code", ["110105", "360426", "440305", "710101", "650102"])
def test_other_provinces_only_check_the_province(code: str) -> None:
    assert is_address_code(code)


def test_other_provinces_known_region_rules() -> None:
    assert is_known_region("110105")
    assert not is_known_region("710101")  # 台湾: no records point there
    assert not is_known_region("810000")
    assert not is_address_code("110000")  # a province code alone is no address
    assert is_address_code("710000")


def test_hmt_residence_permit_codes() -> None:
    for code in ("810000", "820000", "830000"):
        assert is_address_code(code)
    assert not is_address_code("810001")
    assert not is_address_code("820101")


@pytest.mark.parametrize(
    "code", ["000000", "999999", "990000", "420199", "421099", "12345", "1234567", "42010a", ""]
)
def test_invalid_codes(code: str) -> None:
    assert not is_address_code(code)
    assert not is_known_region(code)


def test_region_names() -> None:
    assert region_name("420106") == "武昌区"
    assert region_name("421023") == "监利县"
    assert region_name("110105") == "北京市"
    assert region_name("990000") == "未知地区"


def test_table_rows_are_consistent() -> None:
    table = region_table()
    for row in table.values():
        assert row.code[:2] == "42"
        assert row.parent is None or row.parent in table, row.code
        assert row.valid_to is None or row.valid_from < row.valid_to, row.code


def test_seventeen_prefecture_level_units_today() -> None:
    codes = {row.code for row in hubei_prefectures()}
    assert len(codes) == 17
    assert {"420100", "420600", "422800", "429004", "429005", "429006", "429021"} <= codes
    assert "420400" not in codes


def test_prefectures_follow_the_platform_clock() -> None:
    with clock.frozen(datetime(1999, 6, 1, tzinfo=clock.SHANGHAI)):
        codes = {row.code for row in hubei_prefectures()}
    assert len(codes) == 17
    assert "429001" in codes  # 随州市 was 省直辖 until 2000
    assert "421300" not in codes
    assert "420600" in codes
