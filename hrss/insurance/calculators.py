"""Input rules of the public calculators (query strings arrive as text).

Bad input gets a problem+json answer with a stable code: the one error itself when
there is one, else ``validation.failed`` with every error in ``extra.errors``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import TypeVar

from hrss.core import clock
from hrss.core.errors import DomainError
from hrss.core.money import parse_money
from hrss.core.parsing import parse_month
from hrss.insurance.pension import RetirementCategory
from hrss.insurance.selectors import PROVINCE
from hrss.registry.selectors import region_checker
from hrss.registry.validation import Collector

T = TypeVar("T")
EARLIEST_BIRTH = date(1930, 1, 1)


def _raise(c: Collector) -> None:
    if len(c.errors) == 1:
        raise c.errors[0]
    c.raise_if_any()


def _required(raw: str | None, label: str, parse: Callable[[str], T]) -> Callable[[], T]:
    def run() -> T:
        if raw is None or not raw.strip():
            raise DomainError("insurance.required", f"请填写{label}")
        return parse(raw.strip())

    return run


def _birth_month(raw: str) -> date:
    month = parse_month(raw, field="birth_month")
    if not EARLIEST_BIRTH <= month <= clock.today():
        raise DomainError("insurance.bad_birth_month", "出生年月应在1930-01至本月之间")
    return month


def _category(raw: str) -> str:
    if raw not in RetirementCategory.values:
        raise DomainError(
            "insurance.bad_category", "人员类别应为 male、female_cadre 或 female_worker"
        )
    return raw


def _count(label: str, high: int) -> Callable[[str], int]:
    def parse(raw: str) -> int:
        if not (raw.isascii() and raw.isdigit()) or int(raw) > high:
            raise DomainError("insurance.bad_month_count", f"{label}应为0至{high}之间的整数")
        return int(raw)

    return parse


def _decimal(label: str, code: str, high: Decimal, places: int) -> Callable[[str], Decimal]:
    def parse(raw: str) -> Decimal:
        try:
            value = Decimal(raw) if raw.isascii() else Decimal("NaN")
        except InvalidOperation:
            value = Decimal("NaN")
        exponent = value.as_tuple().exponent
        ok = value.is_finite() and 0 <= value <= high
        if not ok or not isinstance(exponent, int) or exponent < -places:
            raise DomainError(code, f"{label}应为0至{high}之间的数字,最多{places}位小数")
        return value

    return parse


def clean_retirement_query(*, birth_month: str | None, category: str | None) -> tuple[date, str]:
    c = Collector()
    born = c.run("birth_month", _required(birth_month, "出生年月", _birth_month))
    kind = c.run("category", _required(category, "人员类别", _category))
    _raise(c)
    assert born is not None and kind is not None
    return born, kind


def clean_entitlement_query(
    *, contribution_months: str | None, carried_months: str | None
) -> tuple[int, int]:
    c = Collector()
    months = c.run(
        "contribution_months",
        _required(contribution_months, "失业保险缴费月数", _count("失业保险缴费月数", 600)),
    )
    carried = c.run(
        "carried_months",
        lambda: _count("前次未领取的月数", 24)((carried_months or "0").strip() or "0"),
    )
    _raise(c)
    assert months is not None and carried is not None
    return months, carried


@dataclass(frozen=True)
class EstimateQuery:
    birth_month: date
    category: str
    contribution_years: Decimal
    average_index: Decimal
    account_balance: Decimal
    pre_reform_years: Decimal
    region: str


def _region(raw: str) -> str:
    if not region_checker()(raw):
        raise DomainError("registry.unknown_region", f"“{raw}”不是有效的行政区划代码")
    return raw


def clean_estimate_query(  # noqa: PLR0913 (one argument per query parameter)
    *,
    birth_month: str | None,
    category: str | None,
    contribution_years: str | None,
    average_index: str | None,
    account_balance: str | None,
    pre_reform_years: str | None = None,
    region: str | None = None,
) -> EstimateQuery:
    c = Collector()
    born = c.run("birth_month", _required(birth_month, "出生年月", _birth_month))
    kind = c.run("category", _required(category, "人员类别", _category))
    years_parse = _decimal("缴费年限", "insurance.bad_contribution_years", Decimal(60), 2)
    years = c.run("contribution_years", _required(contribution_years, "缴费年限", years_parse))
    index_parse = _decimal("平均缴费指数", "insurance.bad_average_index", Decimal(3), 4)
    index = c.run("average_index", _required(average_index, "平均缴费指数", index_parse))
    balance = c.run("account_balance", _required(account_balance, "个人账户储存额", parse_money))
    pre_parse = _decimal("视同缴费年限", "insurance.bad_pre_reform_years", Decimal(60), 2)
    pre = c.run("pre_reform_years", lambda: pre_parse((pre_reform_years or "0").strip() or "0"))
    where = c.run("region", lambda: _region((region or PROVINCE).strip() or PROVINCE))
    if years is not None and pre is not None and pre > years:
        c.add("insurance.bad_pre_reform_years", "视同缴费年限不能超过缴费年限", "pre_reform_years")
    _raise(c)
    assert born and kind and years is not None and index is not None and balance is not None
    assert pre is not None and where is not None
    return EstimateQuery(born, kind, years, index, balance, pre, where)
