"""Pension rules, pure (no queries): retirement month, flexible retirement, 计发月数, formula.

* Statutory retirement age — 全国人大常委会《关于实施渐进式延迟法定退休年龄的决定》
  (2024-09-13, in force 2025-01-01): men 60 → 63 and women cadres 55 → 58, one month
  per four months of birth cohort (cap 36); women workers 50 → 55, one month per two
  (cap 60). ``idx`` = months from 2025-01 to the original retirement month; if
  ``idx < 0`` no delay, else ``delay = min(idx // step + 1, cap)``. The rule is the
  statute itself (verified against ten public vectors), so it is code, not a parameter.
* Flexible retirement (same decision, 第二条): with the minimum contribution up to
  3 years earlier but never below the original age; with the employer's agreement up
  to 3 years later.
* Basic pension (国发〔2005〕38号): 基础养老金 = C·(1+Ī)/2·N·1 %; 个人账户养老金 =
  balance ÷ 计发月数; 过渡性养老金 = C·Ī·pre-reform years·coefficient. Each component
  is rounded once, half up, to the fen; the total is their sum.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from django.db import models

from hrss.core.errors import DomainError
from hrss.core.money import to_fen
from hrss.insurance.errors import ParameterMissing
from hrss.insurance.months import add_months, month_index, months_between, years_months_text

RAISE_STARTS = date(2025, 1, 1)
FLEXIBLE_MONTHS = 36


class RetirementCategory(models.TextChoices):
    MALE = "male", "男职工(原法定退休年龄60周岁)"
    FEMALE_CADRE = "female_cadre", "女职工(原法定退休年龄55周岁)"
    FEMALE_WORKER = "female_worker", "女职工(原法定退休年龄50周岁)"


@dataclass(frozen=True)
class RaiseRule:
    original_age: int  # years
    step: int  # months of birth cohort per month of delay
    cap: int  # months


RAISE_RULES: dict[str, RaiseRule] = {
    RetirementCategory.MALE: RaiseRule(60, 4, 36),
    RetirementCategory.FEMALE_CADRE: RaiseRule(55, 4, 36),
    RetirementCategory.FEMALE_WORKER: RaiseRule(50, 2, 60),
}


@dataclass(frozen=True)
class Age:
    years: int
    months: int

    @classmethod
    def of_months(cls, total: int) -> Age:
        return cls(*divmod(total, 12))

    @property
    def total_months(self) -> int:
        return self.years * 12 + self.months

    def __str__(self) -> str:
        return f"{self.years}岁{self.months}个月" if self.months else f"{self.years}岁"


@dataclass(frozen=True)
class Retirement:
    category: str
    birth_month: date
    original_month: date  # at the original age (60 / 55 / 50)
    delay_months: int
    month: date  # statutory retirement month

    @property
    def age(self) -> Age:
        return Age.of_months(months_between(self.birth_month, self.month))

    @property
    def original_age(self) -> Age:
        return Age(RAISE_RULES[self.category].original_age, 0)


def statutory_retirement(*, birth_month: date, category: str) -> Retirement:
    """The statutory retirement month under the 2024-09-13 NPC decision."""
    rule = RAISE_RULES[RetirementCategory(category)]
    born = birth_month.replace(day=1)
    original = add_months(born, rule.original_age * 12)
    idx = month_index(original) - month_index(RAISE_STARTS)
    delay = 0 if idx < 0 else min(idx // rule.step + 1, rule.cap)
    return Retirement(category, born, original, delay, add_months(original, delay))


def age_at(*, birth_month: date, month: date) -> Age:
    return Age.of_months(months_between(birth_month, month))


def flexible_retirement_problems(
    *,
    statutory: Retirement,
    requested: date,
    contribution_months: int,
    minimum_months: int,
    employer_agreed: bool,
) -> list[DomainError]:
    """Why ``requested`` is not an allowed retirement month (empty when it is).

    Legal basis: 2024-09-13 NPC decision, 第二条 and 《实施弹性退休制度暂行办法》.
    """
    shift = months_between(statutory.month, requested)
    if shift < 0:
        return _earlier_problems(statutory, requested, contribution_months, minimum_months)
    if shift > 0:
        return _later_problems(statutory, shift, employer_agreed)
    return []


def _earlier_problems(
    statutory: Retirement, requested: date, contribution_months: int, minimum_months: int
) -> list[DomainError]:
    problems = []
    earliest = add_months(statutory.month, -FLEXIBLE_MONTHS)
    if requested < earliest:
        problems.append(
            DomainError(
                "insurance.flexible_too_early",
                f"弹性提前退休最多提前3年(法定退休年月{statutory.month:%Y-%m},"
                f"最早{earliest:%Y-%m})",
            )
        )
    if requested < statutory.original_month:
        problems.append(
            DomainError(
                "insurance.below_original_age",
                f"弹性提前退休不得低于原法定退休年龄{statutory.original_age}"
                f"(即不早于{statutory.original_month:%Y-%m})",
            )
        )
    if contribution_months < minimum_months:
        problems.append(
            DomainError(
                "insurance.flexible_contribution_short",
                f"弹性提前退休须达到最低缴费年限(需{years_months_text(minimum_months)},"
                f"已缴{years_months_text(contribution_months)})",
            )
        )
    return problems


def _later_problems(statutory: Retirement, shift: int, employer_agreed: bool) -> list[DomainError]:
    problems = []
    if shift > FLEXIBLE_MONTHS:
        latest = add_months(statutory.month, FLEXIBLE_MONTHS)
        problems.append(
            DomainError(
                "insurance.flexible_too_late",
                f"弹性延迟退休最多延迟3年(最晚{latest:%Y-%m})",
            )
        )
    if not employer_agreed:
        problems.append(
            DomainError(
                "insurance.employer_not_agreed",
                "弹性延迟退休须经用人单位同意(未提供单位同意意见)",
            )
        )
    return problems


# 计发月数 -----------------------------------------------------------------------------

WHOLE_YEARS = 0  # method parameter: the value at the age in whole years (default)
INTERPOLATE = 1  # linear between the two whole-year values, half up to a whole month

Table = Callable[[str], Decimal | None]  # parameter key → value


@dataclass(frozen=True)
class PaymentMonths:
    months: int
    rule: str  # how the value was chosen, in words


def payment_months_for(age: Age, *, table: Table, method: int = WHOLE_YEARS) -> PaymentMonths:
    """计发月数 for a retirement age (国发〔2005〕38号 table, keys are ages in years).

    A row keyed ``"60.03"`` (60 years 3 months) wins when the agency loaded one (MOHRSS
    sets the rule for ages with months); otherwise ``method`` decides.
    """
    if age.months:
        exact = table(f"{age.years}.{age.months:02d}")
        if exact is not None:
            return PaymentMonths(int(exact), f"按{age}对应的计发月数")
    low = _table_value(table, age.years)
    if not age.months or method == WHOLE_YEARS:
        return PaymentMonths(low, f"按退休年龄{age.years}岁(整岁)对应的计发月数")
    high = _table_value(table, age.years + 1)
    value = Decimal(low) + Decimal(high - low) * age.months / 12
    months = int(value.quantize(Decimal(1), rounding=ROUND_HALF_UP))
    return PaymentMonths(months, f"在{age.years}岁与{age.years + 1}岁的计发月数之间按月插值")


def _table_value(table: Table, years: int) -> int:
    value = table(str(years))
    if value is None:
        raise ParameterMissing(
            message=f"缺少退休年龄{years}岁的个人账户养老金计发月数",
            extra={"parameter": "pension_payment_months", "key": str(years)},
        )
    return int(value)


# The formula ---------------------------------------------------------------------------


@dataclass(frozen=True)
class PensionInputs:
    average_wage: Decimal  # C: 计发基数 (province's average monthly wage)
    average_index: Decimal  # Ī: 本人平均缴费指数
    contribution_years: Decimal  # N: 缴费年限 incl. 视同缴费年限
    account_balance: Decimal  # 个人账户储存额
    payment_months: int  # 计发月数
    pre_reform_years: Decimal = Decimal(0)  # 视同缴费年限 before personal accounts
    transitional_coefficient: Decimal = Decimal("0.012")
    payment_rule: str = ""  # how 计发月数 was chosen, in words


@dataclass(frozen=True)
class Step:
    key: str
    label: str
    formula: str
    value: str


@dataclass(frozen=True)
class PensionResult:
    basic: Decimal
    account: Decimal
    transitional: Decimal
    total: Decimal
    steps: list[Step] = field(default_factory=list)


def _num(value: Decimal) -> str:
    """A Decimal as people write it: no exponent, no trailing zeros after the point."""
    text = f"{value:f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def _years(n: Decimal) -> str:
    """N in a formula: ``30``, ``25.5``, or ``(307÷12)`` when it is a count of months."""
    text = _num(n)
    if len(text.partition(".")[2]) <= 4:
        return text
    months = n * 12
    return f"({_num(months)}÷12)" if months == months.to_integral_value() else text


def _years_text(n: Decimal) -> str:
    months = n * 12
    if months == months.to_integral_value():
        return years_months_text(int(months))
    return f"{_num(n)}年"


def pension_compute(data: PensionInputs) -> PensionResult:
    """Monthly basic pension with each step written out (国发〔2005〕38号)."""
    c, i, n = data.average_wage, data.average_index, data.contribution_years
    basic = to_fen(c * (1 + i) / 2 * n / 100)
    account = to_fen(data.account_balance / data.payment_months)
    pre, coef = data.pre_reform_years, data.transitional_coefficient
    transitional = to_fen(c * i * pre * coef)
    total = basic + account + transitional
    return PensionResult(
        basic, account, transitional, total, _steps(data, basic, account, transitional)
    )


def _steps(
    data: PensionInputs, basic: Decimal, account: Decimal, transitional: Decimal
) -> list[Step]:
    c, i, n = data.average_wage, data.average_index, data.contribution_years
    pre, coef = data.pre_reform_years, data.transitional_coefficient
    total = basic + account + transitional
    return [
        Step("average_wage", "计发基数C(上年度全口径城镇单位就业人员月平均工资)", "", f"{c:.2f}"),
        Step("average_index", "本人平均缴费指数Ī", "", _num(i)),
        Step("contribution_years", "缴费年限N(含视同缴费年限)", "", _years_text(n)),
        Step(
            "basic",
            "基础养老金",
            f"C×(1+Ī)÷2×N×1% = {c:.2f}×(1+{_num(i)})÷2×{_years(n)}×1%",
            f"{basic}",
        ),
        Step("payment_months", "计发月数", data.payment_rule, str(data.payment_months)),
        Step(
            "account",
            "个人账户养老金",
            f"个人账户储存额÷计发月数 = {data.account_balance:.2f}÷{data.payment_months}",
            f"{account}",
        ),
        Step(
            "transitional",
            "过渡性养老金",
            f"C×Ī×视同缴费年限×系数 = {c:.2f}×{_num(i)}×{_num(pre)}×{_num(coef * 100)}%",
            f"{transitional}",
        ),
        Step("total", "月基本养老金合计", "基础养老金+个人账户养老金+过渡性养老金", f"{total}"),
    ]
