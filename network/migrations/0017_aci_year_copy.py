"""The federation's copy of each CPTS's ACI years (``network.aci_years``), written by ``aci``."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("network", "0016_coverage_definitions"),
        ("tenants", "0008_periodic_job_run"),
    ]

    operations = [
        migrations.CreateModel(
            name="AciYearCopy",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("year", models.PositiveSmallIntegerField(verbose_name="exercice")),
                ("version", models.PositiveSmallIntegerField(default=1, verbose_name="version du rapport")),
                ("status", models.CharField(max_length=12, verbose_name="état du rapport")),
                ("transmitted_at", models.DateTimeField(blank=True, null=True, verbose_name="transmis le")),
                ("validated_at", models.DateTimeField(blank=True, null=True, verbose_name="validé le")),
                ("grid", models.CharField(max_length=200, verbose_name="grille")),
                ("tier", models.PositiveSmallIntegerField(verbose_name="taille")),
                (
                    "maximum",
                    models.DecimalField(decimal_places=2, max_digits=12, verbose_name="financement maximal"),
                ),
                (
                    "earned",
                    models.DecimalField(decimal_places=2, max_digits=12, verbose_name="financement obtenu"),
                ),
                (
                    "fixed",
                    models.DecimalField(decimal_places=2, max_digits=12, verbose_name="dont parts fixes"),
                ),
                (
                    "variable",
                    models.DecimalField(decimal_places=2, max_digits=12, verbose_name="dont parts variables"),
                ),
                (
                    "variable_max",
                    models.DecimalField(
                        decimal_places=2, max_digits=12, verbose_name="parts variables maximales"
                    ),
                ),
                (
                    "indicators_missing",
                    models.PositiveSmallIntegerField(default=0, verbose_name="indicateurs sans valeur"),
                ),
                ("published", models.BooleanField(default=False, verbose_name="résumé publié par la CPTS")),
                (
                    "cpts",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="aci_years",
                        to="tenants.cpts",
                    ),
                ),
            ],
            options={
                "verbose_name": "exercice ACI (copie du réseau)",
                "verbose_name_plural": "exercices ACI (copie du réseau)",
                "ordering": ["cpts__name", "-year"],
                "indexes": [models.Index(fields=["year"], name="aci_year_copy_year")],
                "constraints": [models.UniqueConstraint(fields=("cpts", "year"), name="one_aci_year_copy")],
            },
        ),
    ]
