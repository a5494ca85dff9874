"""The tenant half of the offer listing: a CPTS's offer pages (current schema) and their copies.

Reads turn an ``InternshipOfferPage`` into the listing's ``OfferSnapshot``;
writes follow an offer's life (published, unpublished, deleted, made private)
into the network's listing (``search.services``, public schema). Wired to
Wagtail's signals in ``search.signals``; ``content`` knows nothing of it.
"""

from __future__ import annotations

import html

from django.db import transaction
from django.utils.html import strip_tags
from django.utils.text import Truncator
from wagtail.models import Page

from content.models import InternshipOfferPage
from tenants.models import CPTS
from tenants.public_copies import versions_drift
from tenants.selectors import active_cpts, require_schema

from .models import InternshipListing
from .services import ListingSync, OfferSnapshot, listing_withdraw, listing_write, listings_replace


def internship_snapshot(page: InternshipOfferPage) -> OfferSnapshot:
    """The live version of an offer, in the words of the network's listing."""
    return OfferSnapshot(
        page_id=page.pk,
        title=page.title,
        discipline=page.discipline,
        level=page.level,
        host_structure=page.host_structure,
        host_name=page.host_name,
        commune_code=page.commune_id,
        supervisor_approved=page.supervisor_approved,
        supervisor_role=page.supervisor_role,
        start_date=page.start_date,
        end_date=page.end_date,
        places=page.places,
        housing=page.housing,
        travel_help=page.travel_help,
        compensation=page.compensation,
        # Plain text: tags stripped, then entities turned back into characters
        # (templates escape on output; an escaped copy would show "&lt;").
        summary=Truncator(" ".join(html.unescape(strip_tags(page.description)).split())).chars(1000),
        apply_email=page.apply_email,
        apply_url=page.apply_url,
        url=page.full_url or "",
        filled=page.filled,
        first_published_at=page.first_published_at,
        last_published_at=page.last_published_at,
    )


def live_internship_snapshots() -> list[OfferSnapshot]:
    """Every live, public offer of the current CPTS (reindex_network, check_search_index).

    An offer under a view restriction is not shared: the network's search is public.
    """
    offers = InternshipOfferPage.objects.live().public().order_by("pk")
    return [internship_snapshot(page) for page in offers]


def offer_is_shareable(page: InternshipOfferPage) -> bool:
    """Live and public: what the network's search may show."""
    return page.live and not page.get_view_restrictions().exists()


def internship_offer_share(*, page: InternshipOfferPage) -> None:
    """A published offer (open or filled) goes to the network's listing, in the same transaction.

    A private offer (under a view restriction) is withdrawn instead.
    """
    if offer_is_shareable(page):
        listing_write(cpts=active_cpts(), offer=internship_snapshot(page))
    else:
        listing_withdraw(cpts=active_cpts(), page_id=page.pk)


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
    listing_withdraw(cpts=active_cpts(), page_id=page_id)


def internship_listings_rebuild(cpts: CPTS) -> ListingSync:
    """The network's listing of ``cpts`` (its schema active), rewritten from its live offers."""
    require_schema(cpts)
    return listings_replace(cpts=cpts, offers=live_internship_snapshots(), follow=True)


def internship_listings_drift(cpts: CPTS) -> list[str]:
    """The CPTS's live, public offers against its listings (its schema active)."""
    require_schema(cpts)
    listed = dict(InternshipListing.objects.filter(cpts=cpts).values_list("page_id", "last_published_at"))
    live = {offer.page_id: offer.last_published_at for offer in live_internship_snapshots()}
    return versions_drift(live, listed, items="offre(s)", copy="la recherche")
