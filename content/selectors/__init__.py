from .site import governance, key_figures, mission_indicators
from .territory import TerritorySummary, territory_summary

__all__ = ["TerritorySummary", "governance", "key_figures", "mission_indicators", "territory_summary"]
