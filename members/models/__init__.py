"""A CPTS's members: their records (``records``) and the two pages that show them (``pages``).

Two modules so that the pages may import the views and selectors serving their
routes, which import the records: no module imports another that imports it
back. ``members.models.Membership`` and the others are still found here.
"""

from .pages import AdhesionPage, DirectoryPage
from .records import Membership, MembershipDecision

__all__ = ["AdhesionPage", "DirectoryPage", "Membership", "MembershipDecision"]
