"""Parameters the platform ships with (migrations 0002 and 0004; tests re-seed after a flush).

Province-wide rates in force since 2019-05-01 (国办发〔2019〕13号). Only rates fixed
by national rule are here; average wages, limits, the minimum wage and yearly
记账利率 arrive through ``hrss import parameters`` or the admin.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

RATES = [
    ("pension_employer_rate", "", "0.16", "国办发〔2019〕13号:单位缴费比例降至16%"),
    ("pension_employee_rate", "", "0.08", "个人缴费8%,记入个人账户"),
    ("unemployment_employer_rate", "", "0.007", "湖北阶段性降费:单位0.7%"),
    ("unemployment_employee_rate", "", "0.003", "湖北阶段性降费:个人0.3%"),
    ("base_floor_ratio", "", "0.6", "缴费基数下限:全口径平均工资的60%"),
    ("base_ceiling_ratio", "", "3", "缴费基数上限:全口径平均工资的300%"),
] + [
    ("work_injury_base_rate", str(cls), rate, "人社部发〔2015〕71号 行业基准费率")
    for cls, rate in enumerate(
        ["0.002", "0.004", "0.007", "0.009", "0.011", "0.013", "0.016", "0.019"], start=1
    )
]


def load_statutory_rates(parameter_model: Any) -> None:
    """Idempotent: rows already present are left as administrators edited them."""
    for name, key, value, note in RATES:
        parameter_model.objects.get_or_create(
            name=name,
            key=key,
            region="420000",
            valid_from=date(2019, 5, 1),
            defaults={"value": Decimal(value), "note": note},
        )


# 计发月数 by retirement age (国发〔2005〕38号 附件, in force 2006-01-01). Age 47: public
# copies print 207 or 208; 208 is chosen (the smoother series, and the majority of the
# copies compared). Administrators correct it through the admin if the agency's copy differs.
PAYMENT_MONTHS = {
    40: 233, 41: 230, 42: 226, 43: 223, 44: 220, 45: 216, 46: 212, 47: 208, 48: 204,
    49: 199, 50: 195, 51: 190, 52: 185, 53: 180, 54: 175, 55: 170, 56: 164, 57: 158,
    58: 152, 59: 145, 60: 139, 61: 132, 62: 125, 63: 117, 64: 109, 65: 101, 66: 93,
    67: 84, 68: 75, 69: 65, 70: 56,
}  # fmt: skip

# 按月领取基本养老金的最低缴费年限, in months, by the year one retires: 15 years until 2029,
# then +6 months a year from 2030 to 20 years in 2039 (2024-09-13 NPC decision, 第三条).
MINIMUM_MONTHS = [(date(1998, 1, 1), 180)] + [
    (date(2030 + n, 1, 1), 180 + 6 * (n + 1)) for n in range(10)
]


def _pension_rows() -> list[tuple[str, str, date, str, str]]:
    rows = [
        ("pension_payment_months", str(age), date(2006, 1, 1), str(months), "国发〔2005〕38号")
        for age, months in PAYMENT_MONTHS.items()
    ]
    rows += [
        ("pension_min_contribution_months", "", start, str(months), "2024-09-13全国人大常委会决定")
        for start, months in MINIMUM_MONTHS
    ]
    return rows + [
        ("pension_payment_months_method", "", date(2025, 1, 1), "0",
         "非整岁退休按整岁取计发月数(待人社部规定;1=按月插值,或按“60.03”子项逐月维护)"),
        ("transitional_pension_coefficient", "", date(2006, 1, 1), "0.012",
         "过渡性养老金系数各地自定,默认1.2%"),
        ("transfer_pooled_fund_ratio", "", date(2010, 1, 1), "0.12",
         "国办发〔2009〕66号:1998年起缴费基数之和的12%"),
        ("transfer_step_working_days", "", date(2010, 1, 1), "15", "国办发〔2009〕66号"),
        ("transfer_case_working_days", "", date(2010, 1, 1), "45", "国办发〔2009〕66号"),
        ("certification_valid_months", "", date(2018, 1, 1), "12", "每12个月认证一次"),
        ("certification_warning_months", "", date(2018, 1, 1), "3",
         "提醒后3个月仍未认证的暂停发放(各地自定)"),
    ]  # fmt: skip


def load_pension_parameters(parameter_model: Any) -> None:
    """Pension, transfer and certification parameters (migration 0004). Idempotent."""
    for name, key, start, value, note in _pension_rows():
        parameter_model.objects.get_or_create(
            name=name,
            key=key,
            region="420000",
            valid_from=start,
            defaults={"value": Decimal(value), "note": note},
        )


def load_reference_parameters(parameter_model: Any) -> None:
    """Everything the migrations seed (for the test suite's re-seed after a flush)."""
    load_statutory_rates(parameter_model)
    load_pension_parameters(parameter_model)
