"""Whole-network upkeep of the students' search: rebuild, and find drift.

These walk every CPTS schema, one after the other: they are for commands
(``reindex_network``, ``check_search_index``), never for a request.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from django_tenants.utils import schema_context

from tenants.models import CPTS

from .backends import get_backend
from .models import InternshipListing
from .offer_pages import live_internship_snapshots
from .services import index_rebuild, lexicon_rebuild, listings_replace


@dataclass
class ReindexReport:
    cpts: int = 0
    written: int = 0
    withdrawn: int = 0
    indexed: int = 0
    words: int = 0


def reindex_network(*, progress: Callable[[str], None] | None = None) -> ReindexReport:
    """Rewrite every CPTS's listing from its live offers, then rebuild the lexicon and the engine's index."""

    report = ReindexReport()
    for cpts in CPTS.objects.order_by("schema_name"):
        with schema_context(cpts.schema_name):
            offers = live_internship_snapshots()
        synced = listings_replace(cpts=cpts, offers=offers)
        report.cpts += 1
        report.written += synced.written
        report.withdrawn += synced.withdrawn
        if progress and report.cpts % 100 == 0:
            progress(f"{report.cpts} CPTS")
    # Listings of CPTS that no longer exist went with their row (CASCADE).
    report.words = lexicon_rebuild()
    report.indexed = index_rebuild()
    return report


@dataclass
class Drift:
    """Differences between the CPTS schemas, the network's listing and the engine's index."""

    not_listed: list[str] = field(default_factory=list)
    outdated: list[str] = field(default_factory=list)
    not_live: list[str] = field(default_factory=list)
    not_indexed: list[str] = field(default_factory=list)
    not_in_listing: list[str] = field(default_factory=list)
    index_outdated: list[str] = field(default_factory=list)

    @property
    def total(self) -> int:
        return sum(len(items) for items in self.__dict__.values())


def search_index_drift() -> Drift:

    drift = Drift()
    listed = {
        f"{schema}:{page_id}": published.isoformat()
        for schema, page_id, published in InternshipListing.objects.values_list(
            "cpts__schema_name", "page_id", "last_published_at"
        )
    }
    live: set[str] = set()
    for schema in CPTS.objects.order_by("schema_name").values_list("schema_name", flat=True):
        with schema_context(schema):
            for offer in live_internship_snapshots():
                key = f"{schema}:{offer.page_id}"
                live.add(key)
                if key not in listed:
                    drift.not_listed.append(key)
                elif listed[key] != offer.last_published_at.isoformat():
                    drift.outdated.append(key)
    drift.not_live = sorted(set(listed) - live)
    indexed = get_backend().indexed_versions()
    if indexed is not None:
        drift.not_indexed = sorted(set(listed) - set(indexed))
        drift.not_in_listing = sorted(set(indexed) - set(listed))
        drift.index_outdated = sorted(k for k in set(listed) & set(indexed) if listed[k] != indexed[k])
    return drift
