"""Fill the coverage counts and territory figures from the claims already stored."""

from django.db import migrations


def rebuild(apps, schema_editor):
    from network.coverage import coverage_rebuild

    coverage_rebuild()


class Migration(migrations.Migration):
    dependencies = [
        ("network", "0006_coverage_counts"),
        ("tenants", "0003_coverage_counts"),
    ]
    operations = [migrations.RunPython(rebuild, migrations.RunPython.noop)]
