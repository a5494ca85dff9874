from .contract import AciAction, AciContract, AciIndicatorYear, AciYear, Source
from .reports import AciReport

__all__ = ["AciAction", "AciContract", "AciIndicatorYear", "AciReport", "AciYear", "Source"]
