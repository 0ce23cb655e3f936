"""Statutory rates the platform ships with (migration 0002; tests re-seed after a flush).

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
