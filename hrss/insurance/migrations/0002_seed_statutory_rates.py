"""Province-wide statutory rates in force since 2019-05-01 (国办发〔2019〕13号).

Only rates fixed by national rule are seeded. Average wages, base limits, the
minimum wage and yearly 记账利率 are published locally each year: they arrive
through ``hrss import parameters`` or the admin.
"""

from django.db import migrations

def seed(apps, schema_editor):
    from hrss.insurance.seed import load_statutory_rates

    load_statutory_rates(apps.get_model("insurance", "Parameter"))


class Migration(migrations.Migration):
    dependencies = [("insurance", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
