"""The ACI funding each CPTS may receive under its contract, from the current funding grid."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import F

from network.aci_years import AciYearCopy
from network.funding import FundingGrid, max_funding
from network.selectors.directory import cpts_figures
from tenants.models import CPTS


def current_funding_grid():
    return (
        FundingGrid.objects.filter(is_partial=False).prefetch_related("lines").order_by("-valid_from").first()
    )


def funding_for_cpts(*, cpts, tier: int, grid=None, serious_crisis: bool = False):
    """Maximum annual funding of one CPTS under its contract, or None before it signs."""

    grid = grid or current_funding_grid()
    year = cpts.contract_year()
    if grid is None or year is None:
        return None
    return max_funding(
        grid=grid,
        tier=tier,
        missions=list(cpts.aci_optional_missions),
        contract_year=year,
        serious_crisis=serious_crisis,
    )


@dataclass
class CPTSFunding:
    short_name: str
    name: str
    tier: int
    estimate: object | None

    @property
    def contract_year(self) -> int | None:
        return self.estimate.contract_year if self.estimate else None

    @property
    def max_annual_funding(self) -> int | None:
        return self.estimate.total if self.estimate else None

    @property
    def lines(self) -> list:
        return self.estimate.lines if self.estimate else []


def funding_by_cpts() -> list[CPTSFunding]:
    """Every CPTS with its maximum funding: three queries, no CPTS schema visited."""
    grid = current_funding_grid()
    contracts = {c.short_name: c for c in CPTS.objects.all()}
    return [
        CPTSFunding(
            figures.short_name,
            figures.name,
            figures.tier,
            funding_for_cpts(cpts=contracts[figures.short_name], tier=figures.tier, grid=grid),
        )
        for figures in cpts_figures()
    ]


def earned_funding_by_cpts(*, year: int | None = None) -> list[dict]:
    """Each CPTS's ACI years as copied to the network (``network.AciYearCopy``): one query, no schema.

    ``year``: one exercice; by default each CPTS's latest. Plain rows (``values()``): the
    federation's API serves 1,000 of them per request, model instances would cost it its budget.
    """
    copies = AciYearCopy.objects.values(*AciYearCopy.COPIED, cpts_short_name=F("cpts__short_name"),
                                        cpts_name=F("cpts__name"))
    if year is not None:
        return list(copies.filter(year=year).order_by("cpts__name", "cpts_id"))
    return list(copies.order_by("cpts__name", "cpts_id", "-year").distinct("cpts__name", "cpts_id"))
