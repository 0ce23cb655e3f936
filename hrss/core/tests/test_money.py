"""Money: Decimal yuan at the fen, half up, no floats."""

from __future__ import annotations

from decimal import Decimal

import pytest

from hrss.core.money import MoneyError, parse_money, percent_of, to_fen


@pytest.mark.parametrize("value", [1.5, 0.1, float("nan")])
def test_floats_are_refused(value: float) -> None:
    with pytest.raises(TypeError, match="float"):
        to_fen(value)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (Decimal("2.345"), "2.35"),
        (Decimal("2.344"), "2.34"),
        (Decimal("2.335"), "2.34"),  # half up, not banker's rounding (2.34 either way)
        (Decimal("2.325"), "2.33"),  # banker's rounding would give 2.32
        (Decimal("0.005"), "0.01"),
        (Decimal("-2.345"), "-2.35"),  # half away from zero
        ("10", "10.00"),
        (7, "7.00"),
    ],
)
def test_to_fen_rounds_half_up(value: Decimal | str | int, expected: str) -> None:
    result = to_fen(value)
    assert result == Decimal(expected)
    assert str(result) == expected
    assert result.as_tuple().exponent == -2


def test_to_fen_has_no_negative_zero() -> None:
    assert str(to_fen(Decimal("-0.001"))) == "0.00"


def test_percent_of_rounds_once_at_the_end() -> None:
    # 8 % of 4,567.89 = 365.4312 → 365.43
    assert percent_of(Decimal("4567.89"), Decimal("0.08")) == Decimal("365.43")
    # 0.5 % of 1.00 = 0.005 → 0.01 (half up)
    assert percent_of(Decimal("1.00"), Decimal("0.005")) == Decimal("0.01")
    # 16 % of 3,333.33 = 533.3328 → 533.33
    assert percent_of(Decimal("3333.33"), Decimal("0.16")) == Decimal("533.33")


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("12", "12.00"),
        ("12.5", "12.50"),
        (" 1,234.56 ", "1234.56"),
        ("0", "0.00"),
        ("0.01", "0.01"),
        ("-0", "0.00"),
    ],
)
def test_parse_money(raw: str, expected: str) -> None:
    assert str(parse_money(raw)) == expected


def test_parse_money_negative_only_when_allowed() -> None:
    with pytest.raises(MoneyError) as info:
        parse_money("-5.00")
    assert info.value.code == "money.negative"
    assert parse_money("-5", allow_negative=True) == Decimal("-5.00")


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        ("", "money.bad_format"),
        ("abc", "money.bad_format"),
        ("12.3.4", "money.bad_format"),
        ("¥12", "money.bad_format"),
        ("NaN", "money.bad_format"),
        ("Infinity", "money.bad_format"),
        ("1.234", "money.too_precise"),
        ("0.001", "money.too_precise"),
        ("-0.5", "money.negative"),
        ("1e30", "money.too_large"),
        ("1" * 29, "money.too_large"),
    ],
)
def test_parse_money_error_codes(raw: str, code: str) -> None:
    with pytest.raises(MoneyError) as info:
        parse_money(raw)
    assert info.value.code == code
    assert raw in info.value.message or code == "money.too_large"
