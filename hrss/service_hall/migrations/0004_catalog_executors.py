"""Wire the shipped catalog items to their executors and condition checks (issue 5).

Rows created by 0003 before this change have empty ``executor`` fields; this sets the
paths (all on the allow-lists of ``hrss.service_hall.executors``) for the shipped codes.
The mapping is written out here, not read from ``data/catalog.json``, so the migration
means the same thing whenever it runs. Reversing empties them again (and restores the
one condition check 0003 shipped).
"""

from django.db import migrations

ADAPTERS = "hrss.service_hall.adapters."
CONDITIONS = "hrss.service_hall.conditions."
WIRING = {
    "JF00201001": ("insurance.unemployment_benefit_grant", "unemployment_benefit_conditions"),
    "JF00101001": ("insurance.pension_grant", "retirement_conditions"),
    "GG00101006": ("insurance.pension_transfer_apply", "pension_transfer_conditions"),
    "GG00101007": ("insurance.certification_self", ""),
    "GG00401003": ("employment.unemployment_register", "unemployment_registration_conditions"),
    "GG00401001": ("employment.employment_register", ""),
    "QR00401001": ("employment.hard_to_employ_recognise", "hard_to_employ_conditions"),
    "GG00401004": ("employment.entrepreneurship_card_apply", ""),
    "GG00301001": ("cards.card_apply", ""),
    "GG00301002": ("cards.card_replace", ""),
    "GG00301003": ("cards.card_report_temporary_loss", ""),
    "GG00301004": ("cards.card_activate", ""),
}
SHIPPED_BY_0003 = {"JF00201001": CONDITIONS + "unemployment_benefit_conditions"}


def wire(apps, schema_editor):
    ServiceItem = apps.get_model("service_hall", "ServiceItem")
    for code, (executor, condition) in WIRING.items():
        ServiceItem.objects.filter(code=code).update(
            executor=ADAPTERS + executor,
            condition_check=CONDITIONS + condition if condition else "",
        )


def unwire(apps, schema_editor):
    ServiceItem = apps.get_model("service_hall", "ServiceItem")
    for code in WIRING:
        ServiceItem.objects.filter(code=code).update(
            executor="", condition_check=SHIPPED_BY_0003.get(code, "")
        )


class Migration(migrations.Migration):
    dependencies = [("service_hall", "0003_seed_catalog")]

    operations = [migrations.RunPython(wire, unwire)]
