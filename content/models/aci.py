"""Indicators of the ACI missions, with their yearly values (CPTS schema)."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from tenants.vocabulary import Mission


class Unit(models.TextChoices):
    COUNT = "count", _("nombre")
    PERCENT = "percent", _("pourcentage")
    DAYS = "days", _("jours")
    EUROS = "euros", _("euros")


class MissionIndicator(models.Model):
    mission = models.CharField(_("mission"), max_length=32, choices=Mission.choices)
    name = models.CharField(_("indicateur"), max_length=200)
    description = models.TextField(_("définition"), blank=True)
    unit = models.CharField(_("unité"), max_length=16, choices=Unit.choices, default=Unit.COUNT)
    target = models.DecimalField(
        _("cible"),
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal(0))],
    )

    # The national catalogue's indicator that measures the same thing (the observatory compares
    # CPTS through it); empty: the indicator stays this CPTS's own.
    catalogue = models.OneToOneField(
        "network.IndicatorDefinition",
        verbose_name=_("indicateur du catalogue national"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("L'indicateur commun à toutes les CPTS qui mesure la même chose, s'il y en a un."),
    )

    class Meta:
        verbose_name = _("indicateur de mission")
        verbose_name_plural = _("indicateurs de mission")
        ordering = ["mission", "name"]

    def __str__(self) -> str:
        return f"{self.get_mission_display()} — {self.name}"

    def clean(self):
        if self.unit == Unit.PERCENT and self.target is not None and self.target > 100:
            raise ValidationError({"target": _("Un pourcentage ne dépasse pas 100.")})


class IndicatorValue(models.Model):
    indicator = models.ForeignKey(MissionIndicator, on_delete=models.CASCADE, related_name="values")
    year = models.PositiveSmallIntegerField(_("année"), validators=[MinValueValidator(2019)])
    value = models.DecimalField(
        _("valeur"), max_digits=12, decimal_places=2, validators=[MinValueValidator(Decimal(0))]
    )

    class Meta:
        verbose_name = _("valeur annuelle")
        verbose_name_plural = _("valeurs annuelles")
        ordering = ["indicator", "year"]
        constraints = [models.UniqueConstraint(fields=["indicator", "year"], name="one_value_per_year")]

    def __str__(self) -> str:
        return f"{self.year} : {self.value}"

    def clean(self):
        if (
            self.indicator_id
            and self.indicator.unit == Unit.PERCENT
            and self.value is not None
            and self.value > 100
        ):
            raise ValidationError({"value": _("Un pourcentage ne dépasse pas 100.")})
