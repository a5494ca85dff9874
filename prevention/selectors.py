"""Reads behind a campaign's page (current CPTS schema)."""

from __future__ import annotations

from content.selectors import territory_map
from network.commune_maps import TARGETED, CommuneMap
from tenants.selectors import current_cpts


def campaign_communes_map(page) -> CommuneMap | None:
    """The territory with the communes a campaign targets standing out; None for the whole territory."""
    cpts = current_cpts()
    if page.whole_territory or cpts is None:
        return None
    return territory_map(
        cpts=cpts, marked=page.commune_codes, marked_as=TARGETED, title="Les communes de la campagne"
    )
