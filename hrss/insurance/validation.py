"""Input rules for insurance records, pure (shared by services and importers)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from hrss.core.errors import DomainError
from hrss.core.money import parse_money
from hrss.core.parsing import parse_date, parse_month
from hrss.insurance.models import Benefit, Insurance, ParameterName
from hrss.registry.validation import Collector, RegionCheck


def _choice(value: str, choices: list[str], code: str, message: str) -> str:
    value = value.strip()
    if value not in choices:
        raise DomainError(code, message)
    return value


def _money(raw: str | Decimal, field: str) -> Decimal:
    if isinstance(raw, Decimal):
        if raw < 0:
            raise DomainError("money.negative", "金额不能为负数", extra={"field": field})
        return raw.quantize(Decimal("0.01"))
    return parse_money(raw)


@dataclass(frozen=True, slots=True)
class EnrolmentInput:
    insurance: str
    start_month: date
    end_month: date | None


def clean_enrolment(
    *, insurance: str, start_month: str | date, end_month: str | date | None
) -> EnrolmentInput:
    c = Collector()
    kind = c.run(
        "insurance",
        lambda: _choice(
            insurance,
            Insurance.values,
            "insurance.bad_insurance",
            "险种应为 pension、unemployment、work_injury 或 medical",
        ),
    )
    start = c.run("start_month", lambda: parse_month(start_month, field="start_month"))
    end = None
    if end_month not in (None, ""):
        end = c.run("end_month", lambda: parse_month(end_month, field="end_month"))  # type: ignore[arg-type]
    if start and end and end < start:
        c.add("insurance.end_before_start", "停保年月不能早于参保年月", "end_month")
    c.raise_if_any()
    assert kind and start
    return EnrolmentInput(kind, start, end)


@dataclass(frozen=True, slots=True)
class ContributionInput:
    insurance: str
    period: date
    base: Decimal
    employer_amount: Decimal
    employee_amount: Decimal
    paid_on: date | None


def clean_contribution(
    *,
    insurance: str,
    period: str | date,
    base: str | Decimal,
    employer_amount: str | Decimal,
    employee_amount: str | Decimal,
    paid_on: str | date | None,
) -> ContributionInput:
    """Amounts are non-negative yuan; the base must be positive. Whether the base lies
    within the limits is a screening rule (F06), not an input rule: files from the
    tax bureau carry what was actually declared."""
    c = Collector()
    kind = c.run(
        "insurance",
        lambda: _choice(
            insurance,
            Insurance.values,
            "insurance.bad_insurance",
            "险种应为 pension、unemployment、work_injury 或 medical",
        ),
    )
    month = c.run("period", lambda: parse_month(period))
    amount_base = c.run("base", lambda: _money(base, "base"))
    er = c.run("employer_amount", lambda: _money(employer_amount, "employer_amount"))
    ee = c.run("employee_amount", lambda: _money(employee_amount, "employee_amount"))
    paid = None
    if paid_on not in (None, ""):
        paid = c.run("paid_on", lambda: parse_date(paid_on, field="paid_on"))  # type: ignore[arg-type]
    if amount_base is not None and amount_base <= 0:
        c.add("insurance.bad_base", "缴费基数必须大于0", "base")
    c.raise_if_any()
    assert kind and month and amount_base is not None and er is not None and ee is not None
    return ContributionInput(kind, month, amount_base, er, ee, paid)


@dataclass(frozen=True, slots=True)
class BenefitPaymentInput:
    benefit: str
    period: date
    amount: Decimal
    region: str
    paid_on: date


def clean_benefit_payment(
    *,
    benefit: str,
    period: str | date,
    amount: str | Decimal,
    region: str,
    paid_on: str | date,
    is_region: RegionCheck,
) -> BenefitPaymentInput:
    c = Collector()
    kind = c.run(
        "benefit",
        lambda: _choice(
            benefit, Benefit.values, "insurance.bad_benefit", "待遇类型不在规定的代码范围内"
        ),
    )
    month = c.run("period", lambda: parse_month(period))
    money = c.run("amount", lambda: _money(amount, "amount"))
    if not is_region(region.strip()):
        c.add("registry.unknown_region", f"发放地“{region}”不是有效的行政区划代码", "region")
    paid = c.run("paid_on", lambda: parse_date(paid_on, field="paid_on"))
    c.raise_if_any()
    assert kind and month and money is not None and paid
    return BenefitPaymentInput(kind, month, money, region.strip(), paid)


@dataclass(frozen=True, slots=True)
class ParameterInput:
    name: str
    region: str
    valid_from: date
    valid_to: date | None
    value: Decimal


def clean_parameter(
    *,
    name: str,
    region: str,
    valid_from: str | date,
    valid_to: str | date | None,
    value: str | Decimal,
    is_region: RegionCheck,
) -> ParameterInput:
    c = Collector()
    pname = c.run(
        "name",
        lambda: _choice(
            name,
            ParameterName.values,
            "insurance.bad_parameter",
            f"参数名称“{name}”不是已知的政策参数",
        ),
    )
    if not is_region(region.strip()):
        c.add("registry.unknown_region", f"适用地区“{region}”不是有效的行政区划代码", "region")
    start = c.run("valid_from", lambda: parse_date(valid_from, field="valid_from"))
    end = None
    if valid_to not in (None, ""):
        end = c.run("valid_to", lambda: parse_date(valid_to, field="valid_to"))  # type: ignore[arg-type]
    amount = c.run("value", lambda: _parameter_value(value))
    if start and end and end <= start:
        c.add("insurance.bad_validity", "失效日期必须晚于生效日期", "valid_to")
    c.raise_if_any()
    assert pname and start and amount is not None
    return ParameterInput(pname, region.strip(), start, end, amount)


def _parameter_value(raw: str | Decimal) -> Decimal:
    try:
        value = raw if isinstance(raw, Decimal) else Decimal(str(raw).strip())
    except ArithmeticError:
        raise DomainError("insurance.bad_value", f"参数值“{raw}”不是有效的数字") from None
    if not value.is_finite() or value < 0:
        raise DomainError("insurance.bad_value", f"参数值“{raw}”必须是非负数")
    return value
