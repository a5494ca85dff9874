"""The federation's copy of each CPTS's ACI years: report status and funding totals, never indicators.

Written by ``aci`` (layer 3) in the same transaction as the change in the CPTS's
schema (a value typed, a report transmitted or validated), rebuilt, withdrawn and
checked with the other public copies (``tenants.public_copies``). The federation's
API (``network.aci_apis``) reads this table only: one query whatever the number of
CPTS, no CPTS schema visited.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class AciYearCopy(models.Model):
    cpts = models.ForeignKey("tenants.CPTS", on_delete=models.CASCADE, related_name="aci_years")
    year = models.PositiveSmallIntegerField(_("exercice"))
    # The report's latest version and where it stands (brouillon, transmis, validé).
    version = models.PositiveSmallIntegerField(_("version du rapport"), default=1)
    status = models.CharField(_("état du rapport"), max_length=12)
    transmitted_at = models.DateTimeField(_("transmis le"), null=True, blank=True)
    validated_at = models.DateTimeField(_("validé le"), null=True, blank=True)
    grid = models.CharField(_("grille"), max_length=200)
    tier = models.PositiveSmallIntegerField(_("taille"))
    maximum = models.DecimalField(_("financement maximal"), max_digits=12, decimal_places=2)
    earned = models.DecimalField(_("financement obtenu"), max_digits=12, decimal_places=2)
    fixed = models.DecimalField(_("dont parts fixes"), max_digits=12, decimal_places=2)
    variable = models.DecimalField(_("dont parts variables"), max_digits=12, decimal_places=2)
    variable_max = models.DecimalField(_("parts variables maximales"), max_digits=12, decimal_places=2)
    indicators_missing = models.PositiveSmallIntegerField(_("indicateurs sans valeur"), default=0)
    # The CPTS publishes its summary: its earned totals are public too (else federation staff only).
    published = models.BooleanField(_("résumé publié par la CPTS"), default=False)

    wagtail_reference_index_ignore = True
    # What the federation's API reads, in its order.
    COPIED = (
        "year",
        "version",
        "status",
        "transmitted_at",
        "validated_at",
        "grid",
        "tier",
        "maximum",
        "earned",
        "fixed",
        "variable",
        "variable_max",
        "indicators_missing",
        "published",
    )

    class Meta:
        verbose_name = _("exercice ACI (copie du réseau)")
        verbose_name_plural = _("exercices ACI (copie du réseau)")
        ordering = ["cpts__name", "-year"]
        constraints = [models.UniqueConstraint(fields=["cpts", "year"], name="one_aci_year_copy")]
        indexes = [models.Index(fields=["year"], name="aci_year_copy_year")]

    def __str__(self) -> str:
        return f"{self.cpts_id} · {self.year}"
