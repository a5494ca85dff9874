"""The 2019 grid starts on the date of its approval order, and says so.

It was dated 2019-08-20, which is neither the accord's signature (20 June
2019) nor its approval by the arrêté of 21 August 2019. The arrêté's date is
the one that made the grid applicable, and the grid's name now cites both.
"""

import datetime

from django.db import migrations

OLD = datetime.date(2019, 8, 20)
NEW = datetime.date(2019, 8, 21)
NAME = "Grille ACI CPTS d'origine (accord du 20 juin 2019, approuvé par arrêté du 21 août 2019)"


def redate(apps, schema_editor):
    apps.get_model("network", "FundingGrid").objects.filter(valid_from=OLD).update(valid_from=NEW, name=NAME)


def undate(apps, schema_editor):
    apps.get_model("network", "FundingGrid").objects.filter(valid_from=NEW).update(
        valid_from=OLD, name="Grille ACI CPTS d'origine (2019)"
    )


class Migration(migrations.Migration):
    dependencies = [("network", "0009_ship_prevention_themes")]
    operations = [migrations.RunPython(redate, undate)]
