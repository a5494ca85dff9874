"""Reads on the network (public schema), one module per topic.

- ``coverage``: population covered, communes in no CPTS, overlaps, by level (SQL over units);
- ``directory``: every CPTS with its territory's figures;
- ``funding``: the ACI funding of each CPTS under the current grid;
- ``campaigns``: the network's listing of prevention campaigns;
- ``tiers``: ACI sizes (``aci_tier``).

None visits a CPTS schema. Every name stays importable from ``network.selectors``.
"""

from .campaigns import CAMPAIGN_PAGE_SIZE, CAMPAIGN_PAGE_SIZE_MAX, CampaignListing, network_campaigns
from .coverage import (
    OVERLAP_LIMIT,
    UNCOVERED_LIMIT,
    Coverage,
    CoverageFigures,
    coverage_by_department,
    coverage_by_region,
    coverage_national,
    figures_by_department,
    uncovered_in_department,
)
from .directory import CPTSFigures, cpts_directory, cpts_figures
from .funding import CPTSFunding, current_funding_grid, funding_by_cpts, funding_for_cpts
from .tiers import TIER_UPPER_BOUNDS, aci_tier

__all__ = [
    "CAMPAIGN_PAGE_SIZE",
    "CAMPAIGN_PAGE_SIZE_MAX",
    "OVERLAP_LIMIT",
    "TIER_UPPER_BOUNDS",
    "UNCOVERED_LIMIT",
    "CPTSFigures",
    "CPTSFunding",
    "CampaignListing",
    "Coverage",
    "CoverageFigures",
    "aci_tier",
    "coverage_by_department",
    "coverage_by_region",
    "coverage_national",
    "cpts_directory",
    "cpts_figures",
    "current_funding_grid",
    "figures_by_department",
    "funding_by_cpts",
    "funding_for_cpts",
    "network_campaigns",
    "uncovered_in_department",
]
