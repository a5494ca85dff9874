"""The annual report of a year, version by version: brouillon → transmis → validé.

Each version sent keeps a **frozen snapshot of its figures** (JSON), from which its
PDF and spreadsheet are typeset again on demand. Snapshot, not files: a few
kilobytes per version instead of stored binaries in a media store shared by every
CPTS, and an old version reads the same figures tomorrow even after a template
fix; the figures, not the typesetting, are what the CPAM validated.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from .contract import AciYear


class AciReport(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("brouillon")
        TRANSMITTED = "transmitted", _("transmis")
        VALIDATED = "validated", _("validé")

    aci_year = models.ForeignKey(AciYear, on_delete=models.CASCADE, related_name="reports")
    version = models.PositiveSmallIntegerField(_("version"), default=1)
    status = models.CharField(_("état"), max_length=12, choices=Status.choices, default=Status.DRAFT)
    transmitted_at = models.DateTimeField(_("transmis le"), null=True, blank=True)
    transmitted_by = models.CharField(_("transmis par"), max_length=254, blank=True)
    validated_at = models.DateTimeField(_("validé le"), null=True, blank=True)
    validated_by = models.CharField(_("validé par"), max_length=254, blank=True)
    review_reference = models.CharField(
        _("référence du dialogue de gestion"),
        max_length=100,
        blank=True,
        help_text=_("Ex. le compte rendu de la CPAM et de l'ARS, sa date ou son numéro."),
    )
    # Empty while a draft (it reads the live figures); frozen when transmitted.
    snapshot = models.JSONField(_("chiffres figés"), default=dict, blank=True, editable=False)

    class Meta:
        verbose_name = _("rapport annuel ACI")
        verbose_name_plural = _("rapports annuels ACI")
        ordering = ["aci_year", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["aci_year", "version"], name="aci_one_report_per_version")
        ]

    def __str__(self) -> str:
        return f"{self.aci_year} v{self.version} ({self.get_status_display()})"

    @property
    def locked(self) -> bool:
        return self.status != self.Status.DRAFT
