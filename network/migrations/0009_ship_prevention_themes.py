"""Ship the prevention themes; the federation adds its own afterwards."""

from django.db import migrations

THEMES = [
    # code, name, national month
    ("iatrogenic_risk", "Risque iatrogène (polymédication)", None),
    ("osteoporosis", "Ostéoporose", None),
    ("colorectal_screening", "Dépistage du cancer colorectal", 3),
    ("breast_screening", "Dépistage du cancer du sein", 10),
    ("cervical_screening", "Dépistage du cancer du col de l'utérus", None),
    ("influenza_vaccination", "Vaccination contre la grippe", None),
    ("hpv_vaccination", "Vaccination contre les papillomavirus (HPV)", None),
    ("covid_vaccination", "Vaccination contre la Covid-19", None),
    ("autonomy_falls", "Perte d'autonomie et chutes", None),
    ("obesity", "Obésité", None),
    ("work_exclusion", "Prévention de la désinsertion professionnelle", None),
    ("domestic_violence", "Violences intrafamiliales", None),
    ("addictions", "Addictions (Mois sans tabac…)", 11),
    ("heat_waves", "Canicule et fortes chaleurs", None),
]


def ship(apps, schema_editor):
    PreventionTheme = apps.get_model("network", "PreventionTheme")
    for order, (code, name, month) in enumerate(THEMES):
        PreventionTheme.objects.get_or_create(
            code=code, defaults={"name": name, "national_month": month, "sort_order": order}
        )


class Migration(migrations.Migration):
    dependencies = [("network", "0008_prevention")]
    operations = [migrations.RunPython(ship, migrations.RunPython.noop)]
