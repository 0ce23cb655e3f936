"""Pension, transfer and certification parameters (province-wide, 420000).

计发月数 by age 40–70 (国发〔2005〕38号; age 47 = 208, see seed.py), the minimum
contribution months by year (180 → 240 from 2030 to 2039), the method for ages with
months, the transitional coefficient (default 1.2 %), the transfer ratio (12 %) and
time limits (15 / 45 working days), certification validity (12) and warning (3) months.
"""

from django.db import migrations


def seed(apps, schema_editor):
    from hrss.insurance.seed import load_pension_parameters

    load_pension_parameters(apps.get_model("insurance", "Parameter"))


class Migration(migrations.Migration):
    dependencies = [("insurance", "0003_claims_transfers_certification")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
