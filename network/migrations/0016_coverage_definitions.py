"""Coverage counters per definition (ACI signed, health project validated, any stage), filled from the claims."""

from django.db import migrations, models


def rebuild(apps, schema_editor):
    from network.coverage import coverage_rebuild

    coverage_rebuild()


class Migration(migrations.Migration):
    dependencies = [
        ("network", "0015_public_professionals"),
        ("tenants", "0003_coverage_counts"),
    ]

    operations = [
        migrations.AddField(
            model_name="commune",
            name="cover_count_aci",
            field=models.PositiveIntegerField(db_default=0, default=0),
        ),
        migrations.AddField(
            model_name="commune",
            name="cover_count_project",
            field=models.PositiveIntegerField(db_default=0, default=0),
        ),
        migrations.AddField(
            model_name="unitclaim",
            name="stage",
            field=models.CharField(default="idea", max_length=32),
        ),
        migrations.AddIndex(
            model_name="commune",
            index=models.Index(
                fields=["cover_count_project", "-population"], name="commune_cover_project_pop"
            ),
        ),
        migrations.AddIndex(
            model_name="commune",
            index=models.Index(
                fields=["cover_count_aci", "-population"], name="commune_cover_aci_population"
            ),
        ),
        migrations.RunPython(rebuild, migrations.RunPython.noop),
    ]
