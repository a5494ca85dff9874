"""The default backend: PostgreSQL full text over the listing table itself.

``search_vector`` is a generated column (weights A/B/C) under a GIN index, so a
search is one indexed query for the page and one for every facet at once
(GROUPING SETS), whatever the number of CPTS.
"""

from __future__ import annotations

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connection
from django.db.models import F, QuerySet

from ..models import TEXT_SEARCH_CONFIG, InternshipListing
from .base import FACETS, BackendResults, InternshipQuery, Sort

# Facet name -> SQL column of the facet query below.
_FACET_COLUMNS = {
    "discipline": "l.discipline",
    "level": "l.level",
    "region": "l.region_code",
    "department": "l.department_code",
    "cpts": "c.short_name",
    "housing": "l.housing",
}


def _tsquery(words: tuple[str, ...]) -> SearchQuery:
    # Words are [a-z0-9]+ (search.text), so this raw tsquery cannot carry syntax.
    return SearchQuery(" & ".join(f"{w}:*" for w in words), search_type="raw", config=TEXT_SEARCH_CONFIG)


def matching(query: InternshipQuery) -> QuerySet[InternshipListing]:
    listings = InternshipListing.objects.filter(
        status=InternshipListing.Status.PUBLISHED, end_date__gte=query.today
    )
    if query.words:
        listings = listings.filter(search_vector=_tsquery(query.words))
    if query.discipline:
        listings = listings.filter(discipline=query.discipline)
    if query.level:
        listings = listings.filter(level=query.level)
    if query.region:
        listings = listings.filter(region_code=query.region)
    if query.department:
        listings = listings.filter(department_code=query.department)
    if query.cpts:
        listings = listings.filter(cpts__short_name=query.cpts)
    if query.housing is not None:
        listings = listings.filter(housing=query.housing)
    if query.start:
        listings = listings.filter(end_date__gte=query.start)
    if query.end:
        listings = listings.filter(start_date__lte=query.end)
    return listings


def _ordered(listings: QuerySet, query: InternshipQuery) -> QuerySet:
    if query.sort == Sort.NEWEST:
        return listings.order_by("-first_published_at", "id")
    if query.sort == Sort.RELEVANCE and query.words:
        rank = SearchRank(F("search_vector"), _tsquery(query.words))
        return listings.annotate(rank=rank).order_by("-rank", "start_date", "id")
    return listings.order_by("start_date", "id")


def _facets(listings: QuerySet) -> dict[str, dict[str, int]]:
    ids_sql, params = listings.values("id").query.sql_with_params()
    columns = ", ".join(_FACET_COLUMNS[name] for name in FACETS)
    sets = ", ".join(f"({_FACET_COLUMNS[name]})" for name in FACETS)
    groupings = ", ".join(f"GROUPING({_FACET_COLUMNS[name]})" for name in FACETS)
    sql = (
        f"SELECT {columns}, {groupings}, count(*) FROM search_internshiplisting l "
        f"JOIN tenants_cpts c ON c.id = l.cpts_id WHERE l.id IN ({ids_sql}) "
        f"GROUP BY GROUPING SETS ({sets})"
    )
    facets: dict[str, dict[str, int]] = {name: {} for name in FACETS}
    n = len(FACETS)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        for row in cursor.fetchall():
            values, grouping, count = row[:n], row[n : 2 * n], row[-1]
            # GROUPING() is 0 for the column this row is grouped by.
            name = FACETS[grouping.index(0)]
            value = values[grouping.index(0)]
            key = ("true" if value else "false") if name == "housing" else value
            facets[name][key] = count
    return facets


class PostgresSearchBackend:
    name = "postgres"

    def search(self, query: InternshipQuery) -> BackendResults:
        listings = matching(query)
        facets = _facets(listings)
        count = sum(facets["discipline"].values())
        page = _ordered(listings, query)[query.offset : query.offset + query.limit]
        return BackendResults(count=count, ids=list(page.values_list("id", flat=True)), facets=facets)

    def index(self, listing_ids: list[int]) -> None:
        """Nothing to do: the listing table is the index."""

    def remove(self, document_ids: list[str]) -> None:
        """Nothing to do: the listing table is the index."""

    def rebuild(self) -> int:
        return InternshipListing.objects.count()

    def indexed_versions(self) -> None:
        return None
