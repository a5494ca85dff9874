"""Writes that follow an internship offer's life into the network's search (current schema)."""

from __future__ import annotations

from django.db import transaction
from wagtail.models import Page

from content.models import InternshipOfferPage
from content.selectors.internships import internship_snapshot, live_internship_snapshots, offer_is_shareable
from search.services import ListingSync, listing_withdraw, listing_write, listings_replace
from tenants.selectors import current_cpts


def internship_offer_share(*, page: InternshipOfferPage) -> None:
    """A published offer (open or filled) goes to the network's listing, in the same transaction.

    A private offer (under a view restriction) is withdrawn instead.
    """
    if offer_is_shareable(page):
        listing_write(cpts=current_cpts(), offer=internship_snapshot(page))
    else:
        listing_withdraw(cpts=current_cpts(), page_id=page.pk)


@transaction.atomic
def internship_offers_privacy_follow(*, section: Page) -> int:
    """A view restriction added to or removed from ``section``: its offers follow, now.

    Returns how many offers were looked at.
    """
    offers = InternshipOfferPage.objects.live().descendant_of(section, inclusive=True)
    for offer in offers:
        internship_offer_share(page=offer)
    return len(offers)


def internship_offer_unshare(*, page_id: int) -> None:
    listing_withdraw(cpts=current_cpts(), page_id=page_id)


def internship_listings_rebuild() -> ListingSync:
    """The network's listing of the current CPTS, rewritten from its live offers (a restored CPTS)."""
    return listings_replace(cpts=current_cpts(), offers=live_internship_snapshots(), follow=True)
