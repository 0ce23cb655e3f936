"""Money: :class:`~decimal.Decimal` yuan, exact to the fen (0.01).

Amounts are never floats. Rounding is ROUND_HALF_UP, the convention of Chinese
social-insurance agencies (四舍五入); each computation rounds once, at the end.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from hrss.core.errors import DomainError

FEN = Decimal("0.01")
ZERO = Decimal("0.00")


class MoneyError(DomainError):
    default_code = "money.invalid"
    default_message = "金额格式错误"


def to_fen(value: Decimal | int | str) -> Decimal:
    """Round to the fen, half up. Floats are refused: they are not exact."""
    if isinstance(value, float):
        raise TypeError("money must not be a float; pass a Decimal or a string")
    return _quantize(Decimal(value))


def _quantize(amount: Decimal) -> Decimal:
    """``amount`` at the fen, half up; too many digits is a :class:`MoneyError`, not a crash."""
    try:
        fen = amount.quantize(FEN, rounding=ROUND_HALF_UP)
    except InvalidOperation:
        raise MoneyError("money.too_large", f"金额“{amount}”超出可处理的范围") from None
    return fen + ZERO  # -0.00 + 0.00 is 0.00: no "negative zero" on a receipt


def parse_money(raw: str, *, allow_negative: bool = False) -> Decimal:
    """Parse a yuan amount with at most two decimals (interchange format).

    Error codes: ``money.bad_format``, ``too_precise``, ``negative``, ``too_large``.
    """
    text = raw.strip().replace(",", "")
    try:
        amount = Decimal(text)
    except InvalidOperation:
        raise MoneyError("money.bad_format", f"金额“{raw}”不是有效的数字") from None
    if not amount.is_finite():
        raise MoneyError("money.bad_format", f"金额“{raw}”不是有效的数字")
    if amount.as_tuple().exponent < -2:  # type: ignore[operator]
        raise MoneyError("money.too_precise", f"金额“{raw}”最多保留两位小数(精确到分)")
    if amount < 0 and not allow_negative:
        raise MoneyError("money.negative", f"金额“{raw}”不能为负数")
    return _quantize(amount)


def percent_of(amount: Decimal, rate: Decimal) -> Decimal:
    """``amount × rate`` rounded once to the fen (rate as a fraction, 0.08 = 8 %)."""
    return to_fen(amount * rate)
