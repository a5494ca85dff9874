"""Writes that follow an internship offer's life into the network's search (current schema)."""

from __future__ import annotations

from content.models import InternshipOfferPage
from content.selectors.internships import internship_snapshot, live_internship_snapshots
from search.services import ListingSync, listing_withdraw, listing_write, listings_replace
from tenants.selectors import current_cpts


def internship_offer_share(*, page: InternshipOfferPage) -> None:
    """A published offer (open or filled) goes to the network's listing, in the same transaction."""
    listing_write(cpts=current_cpts(), offer=internship_snapshot(page))


def internship_offer_unshare(*, page_id: int) -> None:
    listing_withdraw(cpts=current_cpts(), page_id=page_id)


def internship_listings_rebuild() -> ListingSync:
    """The network's listing of the current CPTS, rewritten from its live offers (a restored CPTS)."""
    return listings_replace(cpts=current_cpts(), offers=live_internship_snapshots(), follow=True)
