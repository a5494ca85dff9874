from .site import (
    aci_missions,
    governance,
    key_figures,
    mission_indicators,
    page_key_figures,
    page_mission_indicators,
)
from .territory import (
    TerritorySummary,
    page_territory_map,
    territory_block,
    territory_block_api,
    territory_map,
    territory_summary,
)

__all__ = [
    "TerritorySummary",
    "aci_missions",
    "governance",
    "key_figures",
    "mission_indicators",
    "page_key_figures",
    "page_mission_indicators",
    "page_territory_map",
    "territory_block",
    "territory_block_api",
    "territory_map",
    "territory_summary",
]
