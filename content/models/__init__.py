from .pages import HomePage, StandardPage
from .territory import TerritoryCommune

__all__ = ["HomePage", "StandardPage", "TerritoryCommune"]
