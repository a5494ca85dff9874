"""Ship the ACI funding grids as data, editable afterwards by federation staff."""

import datetime

from django.db import migrations

CURRENT = [
    # item, part, tier 1, tier 2, tier 3, tier 4 (annual amounts, euros)
    ("operating", "total", 50_000, 60_000, 75_000, 90_000),
    ("access_to_care", "fixed", 55_000, 70_000, 90_000, 110_000),
    ("access_to_care", "variable", 25_000, 30_000, 35_000, 45_000),
    ("care_pathways", "fixed", 25_000, 35_000, 45_000, 50_000),
    ("care_pathways", "variable", 25_000, 35_000, 45_000, 50_000),
    ("prevention", "fixed", 10_000, 15_000, 17_500, 20_000),
    ("prevention", "variable", 10_000, 15_000, 17_500, 20_000),
    ("health_crises", "first_year", 25_000, 35_000, 45_000, 50_000),
    ("health_crises", "following_years", 12_500, 17_500, 22_500, 25_000),
    ("health_crises", "serious_crisis", 37_500, 52_500, 67_500, 75_000),
    ("quality", "fixed", 7_500, 10_000, 15_000, 20_000),
    ("quality", "variable", 7_500, 10_000, 15_000, 20_000),
    ("professional_support", "fixed", 5_000, 7_500, 10_000, 15_000),
    ("professional_support", "variable", 5_000, 7_500, 10_000, 15_000),
]

# The original 2019 grid: only the tier-4 totals are known here.
ORIGINAL_2019 = [
    ("operating", "total", None, None, None, 90_000),
    ("access_to_care", "total", None, None, None, 80_000),
    ("care_pathways", "total", None, None, None, 100_000),
    ("prevention", "total", None, None, None, 40_000),
    ("quality", "total", None, None, None, 40_000),
    ("professional_support", "total", None, None, None, 30_000),
]


def ship(apps, schema_editor):
    FundingGrid = apps.get_model("network", "FundingGrid")
    FundingLine = apps.get_model("network", "FundingLine")
    grids = [
        ("Grille ACI CPTS en vigueur", datetime.date(2022, 1, 1), False, CURRENT),
        ("Grille ACI CPTS d'origine (2019)", datetime.date(2019, 8, 20), True, ORIGINAL_2019),
    ]
    for name, valid_from, partial, rows in grids:
        grid, created = FundingGrid.objects.get_or_create(
            valid_from=valid_from, defaults={"name": name, "is_partial": partial}
        )
        if created:
            FundingLine.objects.bulk_create(
                FundingLine(grid=grid, item=item, part=part, tier_1=t1, tier_2=t2, tier_3=t3, tier_4=t4)
                for item, part, t1, t2, t3, t4 in rows
            )


def unship(apps, schema_editor):
    apps.get_model("network", "FundingGrid").objects.filter(
        valid_from__in=[datetime.date(2022, 1, 1), datetime.date(2019, 8, 20)]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("network", "0003_fundinggrid_fundingline")]
    operations = [migrations.RunPython(ship, unship)]
