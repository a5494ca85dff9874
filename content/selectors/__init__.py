from .site import (
    aci_missions,
    governance,
    key_figures,
    mission_indicators,
    page_key_figures,
    page_mission_indicators,
)
from .territory import TerritorySummary, territory_summary

__all__ = [
    "TerritorySummary",
    "aci_missions",
    "governance",
    "key_figures",
    "mission_indicators",
    "page_key_figures",
    "page_mission_indicators",
    "territory_summary",
]
