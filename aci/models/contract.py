"""The ACI contract of a CPTS and its years (*exercices*), in the CPTS's schema.

The signature date and the optional missions stay on the CPTS record
(``tenants.CPTS.aci_signed_on``, ``aci_optional_missions``); what the national text
leaves to each contract lives here (``AciContract``), and each year's actions and
indicators with their baseline, target, levels, weight and the value achieved.

An ``AciIndicatorYear`` is the row a later « observatoire » will extend (a catalogue
code, the CPTS's consent to share the value): one indicator, one year, one value.
"""

from __future__ import annotations

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from aci.earnings import PaymentRule
from network.observatory import Audience
from tenants.vocabulary import Mission


class AciContract(models.Model):
    """What this CPTS's contract sets locally (one row per schema)."""

    class FirstYear(models.TextChoices):
        FULL = "full", _("année pleine")
        MONTHS = "months", _("au prorata des mois restant après la signature (mois de signature compris)")

    payment_rule = models.CharField(
        _("paiement d'un indicateur partiellement atteint"),
        max_length=16,
        choices=[
            (PaymentRule.PROPORTIONAL.value, _("proportionnel au chemin parcouru vers la cible")),
            (PaymentRule.LEVELS.value, _("par paliers fixés au contrat")),
            (PaymentRule.TARGET_ONLY.value, _("seulement si la cible est atteinte")),
        ],
        default=PaymentRule.PROPORTIONAL.value,
        help_text=_("Ce que prévoit votre contrat : l'accord national laisse ce choix au contrat."),
    )
    first_year = models.CharField(
        _("première année"),
        max_length=8,
        choices=FirstYear.choices,
        default=FirstYear.MONTHS,
        help_text=_("Comment votre contrat paie l'année de la signature."),
    )
    publish_summary = models.BooleanField(
        _("publier le résumé sur le site public"),
        default=False,
        help_text=_("Indicateurs, cibles et financement obtenu, visibles de tous (site et API)."),
    )

    class Meta:
        verbose_name = _("contrat ACI")
        verbose_name_plural = _("contrats ACI")

    def __str__(self) -> str:
        return str(_("Contrat ACI"))


class AciYear(models.Model):
    """One contract year: its grid, its actions, its indicators' values."""

    contract = models.ForeignKey(AciContract, on_delete=models.CASCADE, related_name="years")
    year = models.PositiveSmallIntegerField(
        _("exercice"), unique=True, validators=[MinValueValidator(2019), MaxValueValidator(2100)]
    )
    grid = models.ForeignKey(
        "network.FundingGrid",
        verbose_name=_("grille de financement"),
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("La grille nationale en vigueur pour cet exercice."),
    )
    serious_crisis = models.BooleanField(
        _("crise sanitaire grave déclenchée"),
        default=False,
        help_text=_("Ajoute le montant « crise sanitaire grave » de la grille à la mission de crise."),
    )

    class Meta:
        verbose_name = _("exercice ACI")
        verbose_name_plural = _("exercices ACI")
        ordering = ["-year"]

    def __str__(self) -> str:
        return str(self.year)


class AciAction(models.Model):
    """An action of a mission in one year, and where it stands."""

    class Status(models.TextChoices):
        PLANNED = "planned", _("prévue")
        RUNNING = "running", _("en cours")
        DONE = "done", _("réalisée")
        DROPPED = "dropped", _("abandonnée")

    aci_year = models.ForeignKey(AciYear, on_delete=models.CASCADE, related_name="actions")
    mission = models.CharField(_("mission"), max_length=32, choices=Mission.choices)
    title = models.CharField(_("action"), max_length=200)
    status = models.CharField(_("état"), max_length=8, choices=Status.choices, default=Status.PLANNED)

    class Meta:
        verbose_name = _("action de l'exercice")
        verbose_name_plural = _("actions de l'exercice")
        ordering = ["mission", "title"]
        constraints = [
            models.UniqueConstraint(fields=["aci_year", "mission", "title"], name="aci_one_action_per_title")
        ]

    def __str__(self) -> str:
        return self.title


class Source(models.TextChoices):
    TYPED = "typed", _("saisie")
    EVENTS = "events", _("comptée : événements tenus dans l'année")
    MEMBERS = "members", _("comptée : adhérents (toutes professions)")
    PROFESSIONS = "professions", _("comptée : professions représentées parmi les adhérents")
    INTERNSHIPS = "internships", _("comptée : places de stage proposées dans l'année")
    CAMPAIGNS = "campaigns", _("comptée : campagnes de prévention menées dans l'année")


class AciIndicatorYear(models.Model):
    """An indicator of the contract in one year: what is aimed at, how it pays, what was reached."""

    aci_year = models.ForeignKey(AciYear, on_delete=models.CASCADE, related_name="indicators")
    indicator = models.ForeignKey(
        "content.MissionIndicator", verbose_name=_("indicateur"), on_delete=models.PROTECT, related_name="+"
    )
    baseline = models.DecimalField(
        _("valeur de départ"),
        max_digits=12,
        decimal_places=2,
        default=Decimal(0),
        help_text=_("Situation de départ inscrite au contrat (0 si aucune)."),
    )
    target = models.DecimalField(_("cible"), max_digits=12, decimal_places=2, null=True, blank=True)
    weight = models.DecimalField(
        _("poids dans la part variable (%)"),
        max_digits=5,
        decimal_places=2,
        default=Decimal(0),
        validators=[MinValueValidator(Decimal(0)), MaxValueValidator(Decimal(100))],
        help_text=_("Les poids des indicateurs d'une mission font 100 %."),
    )
    levels = models.JSONField(
        _("paliers"),
        default=list,
        blank=True,
        help_text=_("Paliers du contrat : [[valeur, % payé], …], ex. [[50, 50], [80, 100]]."),
    )
    value = models.DecimalField(
        _("valeur atteinte"),
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal(0))],
    )
    source = models.CharField(
        _("source de la valeur"), max_length=16, choices=Source.choices, default=Source.TYPED
    )
    # Who may see the value (observatory): private by default, a choice per indicator and year.
    audience = models.CharField(
        _("diffusion"),
        max_length=16,
        choices=Audience.choices,
        default=Audience.PRIVATE,
        help_text=_("Privé : la CPTS seule. Partagé : la fédération. Données ouvertes : tout le monde."),
    )
    professionals = models.PositiveIntegerField(
        _("professionnels concernés"),
        null=True,
        blank=True,
        help_text=_(
            "Nombre de professionnels sur lesquels la valeur repose, s'il y a lieu : en dessous de 11, "
            "elle n'est jamais montrée seule."
        ),
    )

    class Meta:
        verbose_name = _("indicateur de l'exercice")
        verbose_name_plural = _("indicateurs de l'exercice")
        constraints = [
            models.UniqueConstraint(fields=["aci_year", "indicator"], name="aci_one_row_per_indicator_year")
        ]

    def __str__(self) -> str:
        return f"{self.aci_year} · {self.indicator.name}"

    def clean(self):
        errors = {}
        try:
            pairs = [(Decimal(str(v)), Decimal(str(s))) for v, s in self.levels or []]
        except (TypeError, ValueError, ArithmeticError):
            pairs = None
        if pairs is None or any(not 0 <= share <= 100 for _, share in pairs):
            errors["levels"] = _("Chaque palier s'écrit [valeur, pourcentage payé entre 0 et 100].")
        if self.indicator_id and self.indicator.unit == "percent":
            for name in ("target", "value", "baseline"):
                number = getattr(self, name)
                if number is not None and number > 100:
                    errors[name] = _("Un pourcentage ne dépasse pas 100.")
        if errors:
            raise ValidationError(errors)
