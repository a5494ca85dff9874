"""ACI funding grids: versioned data edited by federation staff, never constants in code."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from tenants.vocabulary import CORE_MISSIONS, Mission


class FundingItem(models.TextChoices):
    OPERATING = "operating", _("Fonctionnement de la communauté")
    ACCESS_TO_CARE = Mission.ACCESS_TO_CARE.value, Mission.ACCESS_TO_CARE.label
    CARE_PATHWAYS = Mission.CARE_PATHWAYS.value, Mission.CARE_PATHWAYS.label
    PREVENTION = Mission.PREVENTION.value, Mission.PREVENTION.label
    HEALTH_CRISES = Mission.HEALTH_CRISES.value, Mission.HEALTH_CRISES.label
    QUALITY = Mission.QUALITY.value, Mission.QUALITY.label
    PROFESSIONAL_SUPPORT = Mission.PROFESSIONAL_SUPPORT.value, Mission.PROFESSIONAL_SUPPORT.label


class FundingPart(models.TextChoices):
    FIXED = "fixed", _("part fixe")
    VARIABLE = "variable", _("part variable (maximum)")
    TOTAL = "total", _("montant total")
    FIRST_YEAR = "first_year", _("première année (rédaction du plan)")
    FOLLOWING_YEARS = "following_years", _("années suivantes (actualisation)")
    SERIOUS_CRISIS = "serious_crisis", _("en cas de crise sanitaire grave")


class FundingGrid(models.Model):
    name = models.CharField(_("nom"), max_length=200)
    valid_from = models.DateField(_("en vigueur à partir du"), unique=True)
    is_partial = models.BooleanField(
        _("montants partiellement connus"),
        default=False,
        help_text=_("Grille historique dont toutes les tranches ne sont pas connues."),
    )
    source = models.CharField(_("source"), max_length=300, blank=True)

    wagtail_reference_index_ignore = True

    class Meta:
        verbose_name = _("grille de financement ACI")
        verbose_name_plural = _("grilles de financement ACI")
        ordering = ["-valid_from"]

    def __str__(self) -> str:
        return self.name


class FundingLine(models.Model):
    grid = models.ForeignKey(FundingGrid, on_delete=models.CASCADE, related_name="lines")
    item = models.CharField(_("poste"), max_length=32, choices=FundingItem.choices)
    part = models.CharField(_("part"), max_length=16, choices=FundingPart.choices)
    tier_1 = models.PositiveIntegerField(_("tranche 1"), null=True, blank=True)
    tier_2 = models.PositiveIntegerField(_("tranche 2"), null=True, blank=True)
    tier_3 = models.PositiveIntegerField(_("tranche 3"), null=True, blank=True)
    tier_4 = models.PositiveIntegerField(_("tranche 4"), null=True, blank=True)

    wagtail_reference_index_ignore = True

    class Meta:
        verbose_name = _("ligne de financement")
        verbose_name_plural = _("lignes de financement")
        constraints = [models.UniqueConstraint(fields=["grid", "item", "part"], name="one_amount_per_part")]

    def __str__(self) -> str:
        return f"{self.get_item_display()} — {self.get_part_display()}"

    def amount(self, tier: int) -> int | None:
        return getattr(self, f"tier_{tier}")

    def clean(self):
        if self.grid_id and not self.grid.is_partial:
            missing = [str(t) for t in (1, 2, 3, 4) if self.amount(t) is None]
            if missing:
                raise ValidationError(
                    _("Montant manquant pour la tranche %(tiers)s : une grille complète les donne toutes.")
                    % {"tiers": ", ".join(missing)}
                )


@dataclass
class MissionFunding:
    """One line of a CPTS's maximum funding.

    ``fixed`` and ``variable`` only where the grid splits the amount that way;
    ``undivided`` where it gives one amount (operating costs, the crisis
    mission, every line of the 2019 grid), so no amount is called "fixed"
    that the grid does not call so.
    """

    item: str
    label: str
    fixed: int | None
    variable: int | None
    undivided: int | None = None

    @property
    def total(self) -> int | None:
        parts = [self.fixed, self.variable, self.undivided]
        if all(part is None for part in parts):
            return None
        return sum(part or 0 for part in parts)


@dataclass
class FundingEstimate:
    grid: str
    tier: int
    contract_year: int
    lines: list[MissionFunding] = field(default_factory=list)

    @property
    def total(self) -> int:
        return sum(line.total or 0 for line in self.lines)

    @property
    def complete(self) -> bool:
        return all(line.total is not None for line in self.lines)


def max_funding(
    *, grid: FundingGrid, tier: int, missions: list[str], contract_year: int, serious_crisis: bool = False
) -> FundingEstimate:
    """The maximum annual ACI funding for a tier, engaged missions and contract year.

    ``missions`` are the engaged missions; the four core ones are always due
    once the contract is signed. Lines whose amount the grid does not know
    (a partial historical grid) are reported as None, never as 0.
    """
    lines = {(line.item, line.part): line.amount(tier) for line in grid.lines.all()}
    engaged = [m for m in Mission.values if m in set(missions) | set(CORE_MISSIONS)]
    estimate = FundingEstimate(grid=grid.name, tier=tier, contract_year=contract_year)
    estimate.lines.append(
        MissionFunding(
            FundingItem.OPERATING,
            str(FundingItem.OPERATING.label),
            None,
            None,
            _first_known(lines, FundingItem.OPERATING, FundingPart.TOTAL, FundingPart.FIXED),
        )
    )
    for mission in engaged:
        label = str(Mission(mission).label)
        if mission == Mission.HEALTH_CRISES:
            part = FundingPart.FIRST_YEAR if contract_year <= 1 else FundingPart.FOLLOWING_YEARS
            # The grid gives the crisis mission one amount a year (and one more in a
            # serious crisis), with no fixed/variable split.
            amount = lines.get((mission, part))
            extra = lines.get((mission, FundingPart.SERIOUS_CRISIS)) if serious_crisis else None
            undivided = None if amount is None and extra is None else (amount or 0) + (extra or 0)
            estimate.lines.append(MissionFunding(mission, label, None, None, undivided))
            continue
        if (mission, FundingPart.TOTAL) in lines:
            estimate.lines.append(
                MissionFunding(mission, label, None, None, lines[(mission, FundingPart.TOTAL)])
            )
        else:
            estimate.lines.append(
                MissionFunding(
                    mission,
                    label,
                    lines.get((mission, FundingPart.FIXED)),
                    lines.get((mission, FundingPart.VARIABLE)),
                )
            )
    return estimate


def _first_known(lines: dict, item: str, *parts: str) -> int | None:
    for part in parts:
        if lines.get((item, part)) is not None:
            return lines[(item, part)]
    return None
