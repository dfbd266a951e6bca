from django.db import migrations

from werkpad.core.reference import load_minimum_wage


def load(apps, schema_editor):
    load_minimum_wage(apps.get_model("core", "MinimumWageRate"))


class Migration(migrations.Migration):
    dependencies = [("core", "0003_minimum_wage_rate")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
