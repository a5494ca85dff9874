from .aci import IndicatorValue, MissionIndicator
from .governance import Association, College, Coordinator, Mandate, ProfessionCount
from .pages import HomePage, StandardPage
from .territory import TerritoryCommune

__all__ = [
    "Association",
    "College",
    "Coordinator",
    "HomePage",
    "IndicatorValue",
    "Mandate",
    "MissionIndicator",
    "ProfessionCount",
    "StandardPage",
    "TerritoryCommune",
]
