"""API schemas of insurance records (个人权益记录) and of the public calculators."""

from __future__ import annotations

from dataclasses import asdict
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING

from ninja import Field, Schema

from hrss.insurance.months import years_months_text
from hrss.insurance.pension import Age, Retirement, RetirementCategory

if TYPE_CHECKING:
    from hrss.insurance.retirement import PensionEstimate
    from hrss.insurance.unemployment import Entitlement

RETIREMENT_BASIS = "全国人大常委会关于实施渐进式延迟法定退休年龄的决定(2024年9月13日)"
ENTITLEMENT_BASIS = "失业保险条例第17条、社会保险法第46条"


class EnrolmentOut(Schema):
    insurance: str
    insurance_label: str
    employer_name: str
    start_month: str
    end_month: str | None


class YearMonthsOut(Schema):
    year: int
    months: int


class AccountYearOut(Schema):
    year: int
    opening_balance: Decimal
    credited: Decimal
    interest: Decimal
    closing_balance: Decimal


class RecordsOut(Schema):
    as_of: date
    enrolments: list[EnrolmentOut]
    pension_months_by_year: list[YearMonthsOut]
    pension_months_total: int
    personal_account: list[AccountYearOut]


# Public calculators (no login) --------------------------------------------------------


class AgeOut(Schema):
    years: int = Field(description="周岁")
    months: int = Field(description="另加的月数(0–11)")
    text: str = Field(description="如“60岁3个月”")

    @classmethod
    def of(cls, age: Age) -> AgeOut:
        return cls(years=age.years, months=age.months, text=str(age))


class RetirementDateOut(Schema):
    birth_month: str = Field(description="出生年月 YYYY-MM")
    category: str
    category_label: str
    retirement_month: str = Field(description="法定退休年月 YYYY-MM")
    age: AgeOut = Field(description="法定退休年龄")
    original_retirement_month: str = Field(description="按原法定退休年龄的退休年月")
    original_age: AgeOut
    delay_months: int = Field(description="延迟月数")
    basis: str

    @classmethod
    def of(cls, r: Retirement) -> RetirementDateOut:
        return cls(
            birth_month=f"{r.birth_month:%Y-%m}",
            category=r.category,
            category_label=str(RetirementCategory(r.category).label),
            retirement_month=f"{r.month:%Y-%m}",
            age=AgeOut.of(r.age),
            original_retirement_month=f"{r.original_month:%Y-%m}",
            original_age=AgeOut.of(r.original_age),
            delay_months=r.delay_months,
            basis=RETIREMENT_BASIS,
        )


class EntitlementOut(Schema):
    months: int = Field(description="最长可领取失业保险金的月数")
    from_contributions: int = Field(description="按本次缴费时间确定的月数")
    carried_over: int = Field(description="合并计算的前次应领未领月数")
    max_months: int
    basis: str

    @classmethod
    def of(cls, e: Entitlement, *, max_months: int) -> EntitlementOut:
        return cls(
            months=e.months,
            from_contributions=e.from_contributions,
            carried_over=e.carried_over,
            max_months=max_months,
            basis=ENTITLEMENT_BASIS,
        )


class StepOut(Schema):
    key: str
    label: str
    formula: str
    value: str


class PensionEstimateOut(Schema):
    retirement_month: str
    age: AgeOut
    region: str
    payment_months: int = Field(description="计发月数")
    payment_months_rule: str
    minimum_contribution: str = Field(description="退休当年的最低缴费年限,如“15年6个月”")
    meets_minimum: bool = Field(description="缴费年限是否达到最低缴费年限")
    basic: Decimal = Field(description="基础养老金(元/月)")
    account: Decimal = Field(description="个人账户养老金(元/月)")
    transitional: Decimal = Field(description="过渡性养老金(元/月)")
    total: Decimal = Field(description="月基本养老金合计(元)")
    steps: list[StepOut]
    note: str

    @classmethod
    def of(cls, e: PensionEstimate) -> PensionEstimateOut:
        return cls(
            retirement_month=f"{e.retirement_month:%Y-%m}",
            age=AgeOut.of(e.age),
            region=e.region,
            payment_months=e.payment_months.months,
            payment_months_rule=e.payment_months.rule,
            minimum_contribution=years_months_text(e.minimum_months),
            meets_minimum=e.meets_minimum,
            basic=e.result.basic,
            account=e.result.account,
            transitional=e.result.transitional,
            total=e.result.total,
            steps=[StepOut(**asdict(step)) for step in e.result.steps],
            note="测算结果仅供参考,以退休时经办机构核定为准",
        )
