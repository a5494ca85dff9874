from .territory import TerritorySummary, territory_summary

__all__ = ["TerritorySummary", "territory_summary"]
