"""Reads of a CPTS's internship offers (current schema), as the network's search needs them."""

from __future__ import annotations

import html

from django.utils.html import strip_tags
from django.utils.text import Truncator

from content.models import InternshipOfferPage
from search.services import OfferSnapshot


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
        start_date=page.start_date,
        end_date=page.end_date,
        places=page.places,
        housing=page.housing,
        travel_help=page.travel_help,
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
