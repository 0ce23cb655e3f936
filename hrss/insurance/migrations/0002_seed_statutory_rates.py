"""Province-wide statutory rates in force since 2019-05-01 (国办发〔2019〕13号).

Only rates fixed by national rule are seeded. Average wages, base limits, the
minimum wage and yearly 记账利率 are published locally each year: they arrive
through ``hrss import parameters`` or the admin.
"""

from decimal import Decimal

from django.db import migrations

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


def seed(apps, schema_editor):
    from datetime import date

    Parameter = apps.get_model("insurance", "Parameter")
    for name, key, value, note in RATES:
        Parameter.objects.get_or_create(
            name=name, key=key, region="420000", valid_from=date(2019, 5, 1),
            defaults={"value": Decimal(value), "note": note},
        )


class Migration(migrations.Migration):
    dependencies = [("insurance", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
