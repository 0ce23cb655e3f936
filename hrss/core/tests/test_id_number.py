"""公民身份号码 (GB 11643-1999) parsing: valid kinds, every error code, properties."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hrss.core import clock
from hrss.core.identifiers import Gender, IdNumberKind, parse_id_number
from hrss.core.identifiers.id_number import IdNumberError, check_char, upgrade_15
from hrss.core.regions import region_table

TODAY = date(2025, 6, 1)


def with_check(first17: str) -> str:
    return first17 + check_char(first17)


def error_code(raw: str, today: date = TODAY) -> str:
    with pytest.raises(IdNumberError) as info:
        parse_id_number(raw, today=today)
    return info.value.code


def test_weights_and_check_chars_match_the_standard() -> None:
    # domain.md §1.1: W_i = 2^(17-i) mod 11 and the check table "10X98765432".
    from hrss.core.identifiers.id_number import CHECK_CHARS, WEIGHTS

    assert WEIGHTS == (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
    assert CHECK_CHARS == "10X98765432"


@pytest.mark.parametrize(
    ("number", "born", "gender"),
    [
        ("11010519491231002X", date(1949, 12, 31), Gender.FEMALE),
        ("360426199101010071", date(1991, 1, 1), Gender.MALE),
    ],
)
def test_library_examples_are_valid(number: str, born: date, gender: Gender) -> None:
    parsed = parse_id_number(number, today=TODAY)
    assert parsed.value == number
    assert parsed.kind is IdNumberKind.RESIDENT
    assert parsed.address_code == number[:6]
    assert parsed.birth_date == born
    assert parsed.gender is gender
    assert parsed.upgraded_from is None


def test_lowercase_x_spaces_and_full_width_digits_are_normalised() -> None:
    assert parse_id_number("11010519491231002x", today=TODAY).value == "11010519491231002X"
    assert parse_id_number(" 110105 19491231 002X ", today=TODAY).value == "11010519491231002X"
    full_width = "１１０１０５１９４９１２３１００２Ｘ"
    assert parse_id_number(full_width, today=TODAY).value == "11010519491231002X"


def test_unicode_digits_other_than_ascii_are_a_format_error_not_a_crash() -> None:
    # "١" (Arabic-Indic one) passes str.isdigit(); it must still be refused cleanly.
    assert error_code("1101051949123100١X") == "id_number.bad_format"


@pytest.mark.parametrize(
    "first17",
    [
        "42220119650315123",  # 孝感地区 孝感市 (prefecture abolished 1993), listed in the table
        "42220519700101001",  # a county slot under the abolished 孝感地区, not listed
        "42102319800505123",  # 监利县, replaced by 421088 监利市 in 2020
        "42010619660101201",  # 武昌区 for someone born 1966 (stdnum refuses this one)
        "42040219750808456",  # under 沙市市 (420400), abolished 1994
    ],
)
def test_historical_hubei_numbers_are_valid(first17: str) -> None:
    parsed = parse_id_number(with_check(first17), today=TODAY)
    assert parsed.kind is IdNumberKind.RESIDENT
    assert parsed.address_code == first17[:6]


@pytest.mark.parametrize("prefix", ["810000", "820000", "830000"])
def test_hmt_residence_permit_numbers(prefix: str) -> None:
    number = with_check(prefix + "19900101123")
    parsed = parse_id_number(number, today=TODAY)
    assert parsed.kind is IdNumberKind.HMT_RESIDENT
    assert parsed.address_code == prefix
    assert parsed.gender is Gender.MALE


def test_foreign_permanent_resident_number_of_2023() -> None:
    # 9 | issuing province 11 (北京) | nationality 840 | birth 1980-01-02 | seq 124 | check
    number = with_check("9" + "11" + "840" + "19800102" + "124")
    parsed = parse_id_number(number, today=TODAY)
    assert parsed.kind is IdNumberKind.FOREIGN_PERMANENT
    assert parsed.address_code == "110000"
    assert parsed.birth_date == date(1980, 1, 2)
    assert parsed.gender is Gender.FEMALE


def test_fifteen_digit_number_is_upgraded() -> None:
    parsed = parse_id_number("110223790813697", today=TODAY)
    assert parsed.value == "110223197908136972"
    assert parsed.upgraded_from == "110223790813697"
    assert parsed.birth_date == date(1979, 8, 13)
    assert parsed.gender is Gender.MALE
    assert upgrade_15("110223790813697") == "110223197908136972"


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        ("", "id_number.empty"),
        ("   ", "id_number.empty"),
        ("11010519491231002", "id_number.bad_length"),
        ("11010519491231002X1", "id_number.bad_length"),
        ("1101051949123100XX", "id_number.bad_format"),
        ("11010519491231002Y", "id_number.bad_format"),
        ("11022379081369X", "id_number.bad_format"),
        ("110105194912310021", "id_number.bad_checksum"),
        ("360426199101010072", "id_number.bad_checksum"),
    ],
)
def test_error_codes(raw: str, code: str) -> None:
    assert error_code(raw) == code


@pytest.mark.parametrize(
    "first17",
    [
        "11010519900230123",  # 30 February
        "11010519901301123",  # month 13
        "11010519900100123",  # day 0
        "11010518891231123",  # before 1890
        "11010520250602123",  # the day after TODAY
    ],
)
def test_bad_birth_date(first17: str) -> None:
    assert error_code(with_check(first17)) == "id_number.bad_birth_date"


def test_birth_date_today_is_accepted_and_future_follows_the_clock() -> None:
    number = with_check("11010520250601123")
    assert parse_id_number(number, today=TODAY).birth_date == TODAY
    day_before = datetime(2025, 5, 31, 23, 0, tzinfo=clock.SHANGHAI)
    with clock.frozen(day_before), pytest.raises(IdNumberError) as info:
        parse_id_number(number)
    assert info.value.code == "id_number.bad_birth_date"


@pytest.mark.parametrize(
    "prefix",
    [
        "000000",
        "999999",  # 9-prefixed: issuing-province slot "99" is not a province
        "990000",
        "110000",  # a province code alone is not a county address
        "420199",  # Hubei county slot that never existed under 武汉市
        "810001",  # only 810000 is used for Hong Kong residents
        "971840",  # a foreigner number cannot name 台湾 as issuing province
    ],
)
def test_unknown_region(prefix: str) -> None:
    assert error_code(with_check(prefix + "19900101123")) == "id_number.unknown_region"


@pytest.mark.parametrize(
    ("sequence", "gender"),
    [("001", Gender.MALE), ("002", Gender.FEMALE), ("999", Gender.MALE), ("000", Gender.FEMALE)],
)
def test_gender_comes_from_the_17th_digit(sequence: str, gender: Gender) -> None:
    parsed = parse_id_number(with_check("42010619900101" + sequence), today=TODAY)
    assert parsed.gender is gender


def test_error_carries_a_person_readable_message() -> None:
    with pytest.raises(IdNumberError) as info:
        parse_id_number("110105194912310021", today=TODAY)
    assert "校验位" in info.value.message
    assert info.value.as_problem()["code"] == "id_number.bad_checksum"


HUBEI_COUNTIES = sorted(code for code, row in region_table().items() if row.level == "county")

hubei_bodies = st.builds(
    lambda region, born, seq: f"{region}{born:%Y%m%d}{seq:03d}",
    st.sampled_from(HUBEI_COUNTIES),
    st.dates(min_value=date(1890, 1, 1), max_value=TODAY),
    st.integers(min_value=0, max_value=999),
)


@given(hubei_bodies)
def test_any_hubei_body_with_its_check_char_is_accepted(body: str) -> None:
    parsed = parse_id_number(with_check(body), today=TODAY)
    assert parsed.value == with_check(body)
    assert parsed.address_code == body[:6]
    assert f"{parsed.birth_date:%Y%m%d}" == body[6:14]
    assert parsed.gender == (Gender.MALE if int(body[16]) % 2 else Gender.FEMALE)


@given(hubei_bodies, st.integers(min_value=0, max_value=17), st.data())
def test_every_single_character_substitution_is_rejected(
    body: str, position: int, data: st.DataObject
) -> None:
    # MOD 11-2 detects every single substitution: each weight is non-zero mod 11 and
    # a digit changes by 1..9 (the check char by 1..10), so the sum mod 11 must move.
    # The checksum is tested before region and date, so the code is always bad_checksum.
    valid = with_check(body)
    choices = "0123456789X" if position == 17 else "0123456789"
    new = data.draw(st.sampled_from([c for c in choices if c != valid[position]]))
    changed = valid[:position] + new + valid[position + 1 :]
    assert error_code(changed) == "id_number.bad_checksum"
