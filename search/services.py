"""Writes on the students' search: the network's listing of offers, and its index.

A CPTS calls ``listing_write`` / ``listing_withdraw`` in the transaction that
publishes or withdraws an offer in its own schema; the search engine follows
once that transaction commits. If the engine is unreachable, nothing the CPTS
saved is lost: the listing is right, the gap is logged, ``check_search_index``
reports it and ``reindex_network`` closes it.
"""

from __future__ import annotations

import datetime
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.db import transaction
from django.utils import translation

from network.models import Commune
from tenants.models import CPTS
from tenants.vocabulary import Discipline, HostStructure, StudyLevel

from .backends import get_backend
from .lexicon import lexicon_add, lexicon_reset
from .models import InternshipListing, LexiconWord
from .text import DISCIPLINE_TERMS, LEVEL_TERMS, fold

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class OfferSnapshot:
    """What the network needs of one live offer of a CPTS (content.selectors.internship_snapshot)."""

    page_id: int
    title: str
    discipline: str
    level: str
    host_structure: str
    host_name: str
    commune_code: str
    supervisor_approved: bool
    start_date: datetime.date
    end_date: datetime.date
    places: int
    housing: bool
    travel_help: bool
    summary: str
    apply_email: str
    apply_url: str
    url: str
    filled: bool
    first_published_at: datetime.datetime
    last_published_at: datetime.datetime
    # Facts added later: defaults keep older callers (bench scripts) working.
    supervisor_role: str = ""
    compensation: str = ""


def _after_commit(action: Callable[[], None], what: str) -> None:
    def run() -> None:
        try:
            action()
        except Exception:
            # The listing is committed; only the engine lags. Never fail the editor's save for it.
            logger.exception("search index not updated (%s); run reindex_network", what)

    transaction.on_commit(run)


def _listing_fields(*, cpts: CPTS, offer: OfferSnapshot, commune: Commune) -> dict:
    with translation.override("fr"):
        labels = [
            str(Discipline(offer.discipline).label),
            DISCIPLINE_TERMS.get(offer.discipline, ""),
            str(StudyLevel(offer.level).label),
            LEVEL_TERMS.get(offer.level, ""),
        ]
        structure = str(HostStructure(offer.host_structure).label)
    place = [
        offer.host_name,
        structure,
        commune.name,
        commune.department.name,
        commune.region.name,
        cpts.name,
    ]
    return {
        "title": offer.title[:255],
        "discipline": offer.discipline,
        "level": offer.level,
        "host_structure": offer.host_structure,
        "host_name": offer.host_name,
        "commune": commune,
        "department_code": commune.department_id,
        "region_code": commune.region_id,
        "supervisor_approved": offer.supervisor_approved,
        "supervisor_role": offer.supervisor_role,
        "start_date": offer.start_date,
        "end_date": offer.end_date,
        "places": offer.places,
        "housing": offer.housing,
        "travel_help": offer.travel_help,
        "compensation": offer.compensation,
        "summary": offer.summary,
        "apply_email": offer.apply_email,
        "apply_url": offer.apply_url,
        "url": offer.url,
        "status": InternshipListing.Status.FILLED if offer.filled else InternshipListing.Status.PUBLISHED,
        "first_published_at": offer.first_published_at,
        "last_published_at": offer.last_published_at,
        "search_title": fold(" ".join([offer.title, *labels])),
        "search_place": fold(" ".join(part for part in place if part)),
        "search_body": fold(offer.summary),
    }


@transaction.atomic
def listing_write(*, cpts: CPTS, offer: OfferSnapshot, follow: bool = True) -> InternshipListing:
    """Write (or refresh) the network's copy of a live offer; the engine follows on commit.

    ``follow=False`` leaves the engine alone, for a rebuild that indexes everything once at the end.
    """
    commune = Commune.objects.select_related("department", "region").get(code=offer.commune_code)
    fields = _listing_fields(cpts=cpts, offer=offer, commune=commune)
    listing, _ = InternshipListing.objects.update_or_create(cpts=cpts, page_id=offer.page_id, defaults=fields)
    lexicon_add([fields["search_title"], fields["search_place"], fields["search_body"]])
    if follow:
        _after_commit(lambda: get_backend().index([listing.pk]), f"{cpts.schema_name}:{offer.page_id}")
    return listing


@transaction.atomic
def listing_withdraw(*, cpts: CPTS, page_id: int, follow: bool = True) -> None:
    """An offer unpublished or deleted in its CPTS leaves the search."""
    InternshipListing.objects.filter(cpts=cpts, page_id=page_id).delete()
    document_id = f"{cpts.schema_name}:{page_id}"
    if follow:
        _after_commit(lambda: get_backend().remove([document_id]), document_id)


@dataclass
class ListingSync:
    written: int = 0
    withdrawn: int = 0


@transaction.atomic
def listings_replace(*, cpts: CPTS, offers: Iterable[OfferSnapshot], follow: bool = False) -> ListingSync:
    """Make the network's listing of one CPTS exactly its live offers.

    By default the engine is left alone (reindex_network rebuilds it once at the end).
    """
    result = ListingSync()
    kept = set()
    for offer in offers:
        listing_write(cpts=cpts, offer=offer, follow=follow)
        kept.add(offer.page_id)
        result.written += 1
    stale = InternshipListing.objects.filter(cpts=cpts).exclude(page_id__in=kept)
    for page_id in stale.values_list("page_id", flat=True):
        listing_withdraw(cpts=cpts, page_id=page_id, follow=follow)
        result.withdrawn += 1
    return result


@transaction.atomic
def listings_withdraw_cpts(*, cpts: CPTS) -> int:
    """Every offer of a CPTS leaves the search (the CPTS is archived)."""
    page_ids = list(InternshipListing.objects.filter(cpts=cpts).values_list("page_id", flat=True))
    for page_id in page_ids:
        listing_withdraw(cpts=cpts, page_id=page_id)
    return len(page_ids)


def lexicon_rebuild() -> int:
    """Forget every word, then learn those of the current listings."""
    lexicon_reset()
    texts = InternshipListing.objects.values_list("search_title", "search_place", "search_body")
    batch: list[str] = []
    for row in texts.iterator(chunk_size=2000):
        batch.extend(row)
        if len(batch) >= 6000:
            lexicon_add(batch)
            batch = []
    lexicon_add(batch)

    return LexiconWord.objects.count()


def index_rebuild() -> int:
    """Rebuild the engine's index from the listing (a no-op with PostgreSQL, whose table is the index)."""
    return get_backend().rebuild()
