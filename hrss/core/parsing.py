"""Parsing of dates and months as the interchange formats write them."""

from __future__ import annotations

from datetime import date

from hrss.core.errors import DomainError


class ParseError(DomainError):
    default_code = "format.invalid"
    default_message = "格式错误"


def parse_date(raw: str | date, *, field: str = "date") -> date:
    """``YYYY-MM-DD`` → date; error code ``date.bad_format``."""
    if isinstance(raw, date):
        return raw
    text = raw.strip()
    try:
        if len(text) != 10:
            raise ValueError
        return date.fromisoformat(text)
    except ValueError:
        raise ParseError(
            "date.bad_format", f"日期“{raw}”格式应为 YYYY-MM-DD 且真实存在", extra={"field": field}
        ) from None


def parse_month(raw: str | date, *, field: str = "period") -> date:
    """``YYYY-MM`` → the first day of that month; error code ``month.bad_format``."""
    if isinstance(raw, date):
        return raw.replace(day=1)
    text = raw.strip()
    try:
        if len(text) != 7 or text[4] != "-":
            raise ValueError
        return date(int(text[:4]), int(text[5:]), 1)
    except ValueError:
        raise ParseError(
            "month.bad_format", f"月份“{raw}”格式应为 YYYY-MM", extra={"field": field}
        ) from None


def format_month(day: date) -> str:
    return f"{day.year:04d}-{day.month:02d}"
