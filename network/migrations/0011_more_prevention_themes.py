"""Prevention themes that public CPTS texts name and the first taxonomy lacked."""

from django.db import migrations

THEMES = [
    # code, name, national month
    ("air_pollution", "Qualité de l'air et pollution", None),
    ("barrier_measures", "Gestes barrières et hygiène des mains", None),
    ("physical_activity", "Activité physique et sédentarité", None),
]


def ship(apps, schema_editor):
    PreventionTheme = apps.get_model("network", "PreventionTheme")
    start = PreventionTheme.objects.count()
    for order, (code, name, month) in enumerate(THEMES, start=start):
        PreventionTheme.objects.get_or_create(
            code=code, defaults={"name": name, "national_month": month, "sort_order": order}
        )


def unship(apps, schema_editor):
    apps.get_model("network", "PreventionTheme").objects.filter(
        code__in=[code for code, _, _ in THEMES], campaigns__isnull=True, kits__isnull=True
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("network", "0010_original_grid_legal_date")]
    operations = [migrations.RunPython(ship, unship)]
