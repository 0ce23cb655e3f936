"""Load the bundled GB/T 2260 table (Hubei, historical codes included)."""

from django.db import migrations


def load(apps, schema_editor):
    from hrss.core.regions import region_table

    Region = apps.get_model("registry", "Region")
    rows = sorted(region_table().values(), key=lambda r: (len(r.parent or ""), r.code))
    for r in sorted(rows, key=lambda r: {"province": 0, "prefecture": 1}.get(r.level, 2)):
        Region.objects.update_or_create(
            code=r.code,
            defaults={
                "name": r.name, "level": r.level, "parent_id": r.parent,
                "valid_from": r.valid_from, "valid_to": r.valid_to,
            },
        )


class Migration(migrations.Migration):
    dependencies = [("registry", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
