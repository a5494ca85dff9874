"""The observatory's data in the public schema: the national catalogue and what CPTS share of it.

``IndicatorDefinition`` is the catalogue of comparable indicators, shipped as
data (``network/data/indicator_catalogue.csv``, loaded by migration 0015 and
kept in step by ``indicator_catalogue_load``). A CPTS maps its contract's
indicators onto these codes in its own schema; each value it agrees to show
(its choice, per indicator and year) is copied here as a ``SharedIndicatorValue``
in the transaction that records the choice or the value, and removed in the
one that withdraws it. The federation's pages, API and files read these rows
only: never a CPTS schema in a request.
"""

from __future__ import annotations

import csv
from decimal import Decimal
from pathlib import Path

from django.core.validators import MinValueValidator
from django.db import models, transaction
from django.utils.translation import gettext_lazy as _

from tenants.vocabulary import Mission

CATALOGUE = Path(__file__).with_name("data") / "indicator_catalogue.csv"


class IndicatorUnit(models.TextChoices):
    COUNT = "count", _("nombre")
    PERCENT = "percent", _("pourcentage")
    DAYS = "days", _("jours")


class Better(models.TextChoices):
    HIGHER = "higher", _("plus c'est haut, mieux c'est")
    LOWER = "lower", _("plus c'est bas, mieux c'est")


class IndicatorDefinition(models.Model):
    """One comparable indicator of the national catalogue (a row of the shipped CSV)."""

    code = models.SlugField(_("code"), max_length=60, primary_key=True)
    mission = models.CharField(_("mission"), max_length=32, choices=Mission.choices)
    label = models.CharField(_("indicateur"), max_length=200)
    definition = models.TextField(_("définition"))
    unit = models.CharField(_("unité"), max_length=16, choices=IndicatorUnit.choices)
    better = models.CharField(_("sens"), max_length=8, choices=Better.choices)
    # Whether a value counts professionals (or is built from them): small values
    # then single people out, and the small-number rule applies to the value itself.
    counts_professionals = models.BooleanField(_("compte des professionnels"), default=False)
    source = models.TextField(_("source"))
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("indicateur du catalogue national")
        verbose_name_plural = _("catalogue national des indicateurs")
        ordering = ["position", "code"]

    def __str__(self) -> str:
        return f"{self.label} ({self.code})"


class Audience(models.TextChoices):
    """Who may see a CPTS's value; « private » values never leave its schema, so are never copied."""

    PRIVATE = "private", _("privé (la CPTS seule)")
    FEDERATION = "federation", _("partagé avec la fédération")
    OPEN = "open", _("données ouvertes (public)")


class SharedIndicatorValue(models.Model):
    """A CPTS's value for a catalogue indicator and a year, as far as the CPTS agreed to show it."""

    cpts = models.ForeignKey("tenants.CPTS", on_delete=models.CASCADE, related_name="shared_indicator_values")
    indicator = models.ForeignKey(IndicatorDefinition, on_delete=models.PROTECT, related_name="shared_values")
    year = models.PositiveSmallIntegerField(_("année"), validators=[MinValueValidator(2019)])
    value = models.DecimalField(_("valeur"), max_digits=12, decimal_places=2)
    audience = models.CharField(
        _("diffusion"), max_length=16, choices=[c for c in Audience.choices if c[0] != Audience.PRIVATE]
    )
    # How many professionals the value is built from, where the CPTS says so (the
    # small-number rule reads it; a value that counts professionals is its own base).
    professionals = models.PositiveIntegerField(_("professionnels concernés"), null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    wagtail_reference_index_ignore = True

    class Meta:
        verbose_name = _("valeur partagée (copie publique)")
        verbose_name_plural = _("valeurs partagées (copies publiques)")
        constraints = [
            models.UniqueConstraint(fields=["cpts", "indicator", "year"], name="one_shared_value_per_year")
        ]
        indexes = [models.Index(fields=["indicator", "year", "audience"], name="shared_value_rollup")]

    def __str__(self) -> str:
        return f"{self.indicator_id} {self.year} : {self.value}"

    @property
    def base(self) -> int | None:
        return value_base(
            value=self.value,
            professionals=self.professionals,
            counts_professionals=self.indicator.counts_professionals,
        )


def value_base(*, value: Decimal, professionals: int | None, counts_professionals: bool) -> int | None:
    """How many professionals a value is built from, if known (the small-number rule's input)."""
    if professionals is not None:
        return professionals
    return int(value) if counts_professionals else None


def indicator_catalogue_rows() -> list[dict]:
    """The shipped catalogue, as dictionaries of model fields, in the file's order."""
    with CATALOGUE.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    return [
        {
            **row,
            "counts_professionals": row["counts_professionals"] == "oui",
            "position": position,
        }
        for position, row in enumerate(rows)
    ]




@transaction.atomic
def indicator_catalogue_load() -> int:
    """Bring the catalogue in step with the shipped file (new codes, new wording); the count of rows.

    Codes are never deleted here: values shared under a code stay readable when
    a later file drops it (the federation retires it by hand, knowingly).
    """
    rows = indicator_catalogue_rows()
    for row in rows:
        IndicatorDefinition.objects.update_or_create(code=row["code"], defaults=row)
    return len(rows)
