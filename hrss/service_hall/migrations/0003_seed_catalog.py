"""Load the shipped service catalog (政务服务事项目录) from hrss/service_hall/data/catalog.json."""

from django.db import migrations


def load(apps, schema_editor):
    from hrss.service_hall.seed import load_service_catalog

    load_service_catalog(
        apps.get_model("service_hall", "ServiceItem"),
        apps.get_model("service_hall", "RequiredMaterial"),
    )


class Migration(migrations.Migration):
    dependencies = [("service_hall", "0002_catalog_applications_materials")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
