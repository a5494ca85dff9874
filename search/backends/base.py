"""The one contract every students' search backend keeps.

A backend answers an ``InternshipQuery`` with the ids of the matching listings
(search.models.InternshipListing) in order, their count and the facet counts.
The selector then reads those listings from PostgreSQL, so a hit looks the same
whichever engine found it.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Protocol

FACETS = ("discipline", "level", "region", "department", "cpts", "housing")


class Sort:
    RELEVANCE = "relevance"
    START = "start"
    NEWEST = "newest"
    ALL = (RELEVANCE, START, NEWEST)


@dataclass(frozen=True)
class InternshipQuery:
    words: tuple[str, ...] = ()
    discipline: str | None = None
    level: str | None = None
    region: str | None = None
    department: str | None = None
    cpts: str | None = None
    housing: bool | None = None
    # Offers in one of these communes (INSEE codes): a distance from a commune, resolved by the selector.
    communes: tuple[str, ...] | None = None
    # Offers whose period overlaps [start, end].
    start: datetime.date | None = None
    end: datetime.date | None = None
    sort: str = Sort.RELEVANCE
    offset: int = 0
    limit: int = 20
    # Offers that ended before this day are expired: never found.
    today: datetime.date = field(default_factory=datetime.date.today)


@dataclass
class BackendResults:
    count: int
    ids: list[int]
    # facet name -> value -> count, over every match (not only this page).
    facets: dict[str, dict[str, int]]


class SearchBackend(Protocol):
    name: str

    def search(self, query: InternshipQuery) -> BackendResults: ...

    def index(self, listing_ids: list[int]) -> None:
        """Bring these listings into the index (after they were written)."""

    def remove(self, document_ids: list[str]) -> None:
        """Drop these offers ("<schema>:<page id>") from the index."""

    def rebuild(self) -> int:
        """Index every listing from scratch; returns how many."""

    def indexed_versions(self) -> dict[str, str] | None:
        """Document id -> last publication (ISO) of what the index holds; None if the table is the index."""
