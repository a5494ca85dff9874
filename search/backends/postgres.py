"""The default backend: PostgreSQL full text over the listing table itself.

``search_vector`` is a generated column (weights A/B/C) under a GIN index. A
search is one statement, whatever the number of CPTS: the matches are found
and ranked once, then give every facet's counts and the page.
"""

from __future__ import annotations

from django.contrib.postgres.search import SearchQuery
from django.db import connection
from django.db.models import QuerySet

from tenants.models import CPTS

from ..models import TEXT_SEARCH_CONFIG, InternshipListing
from .base import FACETS, BackendResults, InternshipQuery, Sort

# Facet name -> column of the facet query below.
_FACET_COLUMNS = {
    "discipline": "discipline",
    "level": "level",
    "region": "region_code",
    "department": "department_code",
    "cpts": "cpts_id",
    "housing": "housing",
}


def _tsquery_text(words: tuple[str, ...]) -> str:
    # Words are [a-z0-9]+ (search.text), so this raw tsquery cannot carry syntax.
    return " & ".join(f"{w}:*" for w in words)


def _tsquery(words: tuple[str, ...]) -> SearchQuery:
    return SearchQuery(_tsquery_text(words), search_type="raw", config=TEXT_SEARCH_CONFIG)


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
        # By id, not through a join: the facet query reuses this WHERE clause on the table alone.
        cpts_id = CPTS.objects.filter(short_name=query.cpts).values_list("pk", flat=True).first()
        listings = listings.filter(cpts_id=cpts_id)
    if query.housing is not None:
        listings = listings.filter(housing=query.housing)
    if query.communes is not None:
        listings = listings.filter(commune_id__in=query.communes)
    if query.start:
        listings = listings.filter(end_date__gte=query.start)
    if query.end:
        listings = listings.filter(start_date__lte=query.end)
    return listings


_ORDER_BY = {
    Sort.NEWEST: "first_published_at DESC, id",
    Sort.START: "start_date, id",
    Sort.RELEVANCE: "rank DESC, start_date, id",
}


def _grouping_sets(source: str) -> str:
    columns = ", ".join(_FACET_COLUMNS[name] for name in FACETS)
    sets = ", ".join(f"({_FACET_COLUMNS[name]})" for name in FACETS)
    groupings = ", ".join(f"GROUPING({_FACET_COLUMNS[name]})" for name in FACETS)
    return (
        f"SELECT {columns}, {groupings}, count(*), NULL::bigint FROM {source} GROUP BY GROUPING SETS ({sets})"
    )


def _search_sql(listings: QuerySet, query: InternshipQuery) -> tuple[str, list]:
    """Every facet's counts (one hashed GROUPING SETS) and the page, in one statement.

    With words, matching and ranking are the costly parts: a materialised CTE
    does them once for both. Without, the page comes from the start-date index.
    """
    where, where_params = listings.query.get_compiler(connection=connection).compile(listings.query.where)
    table = InternshipListing._meta.db_table
    nulls = ", ".join("NULL" for _ in range(2 * len(FACETS) + 1))
    if not query.words:
        order = _ORDER_BY[Sort.START if query.sort == Sort.RELEVANCE else query.sort]
        sql = (
            f"({_grouping_sets(f'{table} WHERE {where}')}) UNION ALL "
            f"(SELECT {nulls}, id FROM {table} WHERE {where} ORDER BY {order} LIMIT %s OFFSET %s)"
        )
        return sql, [*where_params, *where_params, query.limit, query.offset]
    columns = ", ".join(_FACET_COLUMNS[name] for name in FACETS)
    sql = (
        f"WITH m AS MATERIALIZED (SELECT id, {columns}, start_date, first_published_at, "
        f"ts_rank(search_vector, to_tsquery(%s::regconfig, %s)) AS rank FROM {table} WHERE {where}) "
        f"({_grouping_sets('m')}) UNION ALL "
        f"(SELECT {nulls}, id FROM m ORDER BY {_ORDER_BY[query.sort]} LIMIT %s OFFSET %s)"
    )
    return sql, [TEXT_SEARCH_CONFIG, _tsquery_text(query.words), *where_params, query.limit, query.offset]


def _facets(rows: list[tuple]) -> dict[str, dict[str, int]]:
    n = len(FACETS)
    facets: dict[str, dict[str, int]] = {name: {} for name in FACETS}
    cpts_column = FACETS.index("cpts")
    cpts_ids = {row[cpts_column] for row in rows if row[n + cpts_column] == 0}
    short_names = dict(CPTS.objects.filter(pk__in=cpts_ids).values_list("pk", "short_name"))
    for row in rows:
        values, grouping, count = row[:n], row[n : 2 * n], row[2 * n]
        # GROUPING() is 0 for the column this row is grouped by.
        name = FACETS[grouping.index(0)]
        value = values[grouping.index(0)]
        if name == "housing":
            value = "true" if value else "false"
        elif name == "cpts":
            value = short_names[value]
        facets[name][value] = count
    return facets


class PostgresSearchBackend:
    name = "postgres"

    def search(self, query: InternshipQuery) -> BackendResults:
        sql, params = _search_sql(matching(query), query)
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            rows = cursor.fetchall()
        page = [row[-1] for row in rows if row[-1] is not None]
        facets = _facets([row for row in rows if row[-1] is None])
        return BackendResults(count=sum(facets["discipline"].values()), ids=page, facets=facets)

    def index(self, listing_ids: list[int]) -> None:
        """Nothing to do: the listing table is the index."""

    def remove(self, document_ids: list[str]) -> None:
        """Nothing to do: the listing table is the index."""

    def rebuild(self) -> int:
        return InternshipListing.objects.count()

    def indexed_versions(self) -> None:
        return None
