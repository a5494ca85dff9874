from .site import aci_missions, governance, key_figures, mission_indicators
from .territory import TerritorySummary, territory_summary

__all__ = [
    "TerritorySummary",
    "aci_missions",
    "governance",
    "key_figures",
    "mission_indicators",
    "territory_summary",
]
