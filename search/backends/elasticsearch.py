"""The Elasticsearch backend, for networks that outgrow one PostgreSQL.

One index for the whole network, reached through an alias; a document's id is
``<schema>:<page id>``, so two CPTS can never overwrite each other's offers.
A rebuild fills a new index, then moves the alias to it in one step: students
never search a half-built index. Texts arrive accent-folded
(search.text) and are analysed with the built-in ``french`` analyser.
"""

from __future__ import annotations

import contextlib
import time

from django.conf import settings
from elasticsearch import Elasticsearch, NotFoundError
from elasticsearch.dsl import Boolean, Date, Document, Integer, Keyword, Q, Search, Text
from elasticsearch.helpers import bulk, scan

from tenants.schema_versions import table_read_note, table_version, versions_bump

from ..models import InternshipListing
from .base import FACETS, BackendResults, InternshipQuery, Sort

# Facet name -> document field.
_FACET_FIELDS = {
    "discipline": "discipline",
    "level": "level",
    "region": "region",
    "department": "department",
    "cpts": "cpts",
    "housing": "housing",
}
# The three texts of an offer, weighted like PostgreSQL's A, B and C.
_TEXT_FIELDS = {"title": 3.0, "place": 2.0, "body": 1.0}
_BUCKETS = 200


class InternshipDocument(Document):
    listing_id = Integer()
    title = Text(analyzer="french")
    place = Text(analyzer="french")
    body = Text(analyzer="french")
    discipline = Keyword()
    level = Keyword()
    region = Keyword()
    department = Keyword()
    commune = Keyword()
    cpts = Keyword()
    housing = Boolean()
    status = Keyword()
    start_date = Date()
    end_date = Date()
    first_published_at = Date()
    last_published_at = Keyword()

    @classmethod
    def from_listing(cls, listing: InternshipListing) -> InternshipDocument:
        return cls(
            meta={"id": listing.document_id},
            listing_id=listing.pk,
            title=listing.search_title,
            place=listing.search_place,
            body=listing.search_body,
            discipline=listing.discipline,
            level=listing.level,
            region=listing.region_code,
            department=listing.department_code,
            commune=listing.commune_id,
            cpts=listing.cpts.short_name,
            housing=listing.housing,
            status=listing.status,
            start_date=listing.start_date,
            end_date=listing.end_date,
            first_published_at=listing.first_published_at,
            last_published_at=listing.last_published_at.isoformat(),
        )


def _word_query(word: str) -> Q:
    # Every word must be found in one of the texts, as a word start ("kine" → "kinesitherapie").
    return Q(
        "bool",
        should=[
            Q("match_bool_prefix", **{name: {"query": word, "boost": boost}})
            for name, boost in _TEXT_FIELDS.items()
        ],
        minimum_should_match=1,
    )


class ElasticsearchSearchBackend:
    name = "elasticsearch"

    def __init__(self, url: str, index_name: str, options: dict | None = None) -> None:
        self.client = Elasticsearch(url, **(options or {}))
        self.index_name = index_name

    # --- reads -------------------------------------------------------------------

    def _search(self, query: InternshipQuery) -> Search:
        search = Search(using=self.client, index=self.index_name).filter("term", status="published")
        search = search.filter("range", end_date={"gte": query.today.isoformat()})
        for word in query.words:
            search = search.query(_word_query(word))
        for name, value in (
            ("discipline", query.discipline),
            ("level", query.level),
            ("region", query.region),
            ("department", query.department),
            ("cpts", query.cpts),
        ):
            if value:
                search = search.filter("term", **{name: value})
        if query.housing is not None:
            search = search.filter("term", housing=query.housing)
        if query.communes is not None:
            search = search.filter("terms", commune=list(query.communes))
        if query.start:
            search = search.filter("range", end_date={"gte": query.start.isoformat()})
        if query.end:
            search = search.filter("range", start_date={"lte": query.end.isoformat()})
        return search

    def search(self, query: InternshipQuery) -> BackendResults:
        # The index stands for the listing: an answer made from it is the listing's (even with no hit).
        table_read_note(InternshipListing._meta.db_table)
        search = self._search(query).extra(track_total_hits=True).source(["listing_id"])
        for name in FACETS:
            search.aggs.bucket(name, "terms", field=_FACET_FIELDS[name], size=_BUCKETS)
        if query.sort == Sort.NEWEST:
            search = search.sort({"first_published_at": "desc"}, {"listing_id": "asc"})
        elif query.sort == Sort.RELEVANCE and query.words:
            search = search.sort("_score", {"start_date": "asc"}, {"listing_id": "asc"})
        else:
            search = search.sort({"start_date": "asc"}, {"listing_id": "asc"})
        response = search[query.offset : query.offset + query.limit].execute()
        facets: dict[str, dict[str, int]] = {}
        for name in FACETS:
            buckets = getattr(response.aggregations, name).buckets
            if name == "housing":
                facets[name] = {_boolean_key(b): b.doc_count for b in buckets}
            else:
                facets[name] = {b.key: b.doc_count for b in buckets}
        return BackendResults(
            count=response.hits.total.value,
            ids=[hit.listing_id for hit in response],
            facets=facets,
        )

    def indexed_versions(self) -> dict[str, str]:
        if not self.client.indices.exists(index=self.index_name):
            return {}
        return {
            hit["_id"]: hit["_source"]["last_published_at"]
            for hit in scan(self.client, index=self.index_name, query={"_source": ["last_published_at"]})
        }

    # --- writes --------------------------------------------------------------------

    def _new_index(self) -> str:
        name = f"{self.index_name}-{time.time_ns()}"
        InternshipDocument.init(index=name, using=self.client)
        return name

    def ensure_index(self) -> None:
        """The alias and the index behind it, created on first use."""
        if not self.client.indices.exists(index=self.index_name):
            self.client.indices.put_alias(index=self._new_index(), name=self.index_name)

    def index(self, listing_ids: list[int]) -> None:
        self.ensure_index()
        # Refreshed at once: a student sees a publication within the second.
        bulk(self.client, _bulk_actions(listing_ids, self.index_name), refresh=True)
        _index_caught_up()

    def remove(self, document_ids: list[str]) -> None:
        for document_id in document_ids:
            with contextlib.suppress(NotFoundError):
                self.client.delete(index=self.index_name, id=document_id, refresh=True)
        _index_caught_up()

    def rebuild(self) -> int:
        """Index every listing into a new index, then point the alias at it and drop the old one."""
        target = self._new_index()
        total = 0
        ids = list(InternshipListing.objects.order_by("pk").values_list("pk", flat=True))
        for start in range(0, len(ids), 500):
            listings = InternshipListing.objects.filter(pk__in=ids[start : start + 500]).select_related(
                "cpts"
            )
            actions = []
            for listing in listings:
                action = InternshipDocument.from_listing(listing).to_dict(include_meta=True, skip_empty=False)
                action["_index"] = target
                actions.append(action)
            total += bulk(self.client, actions)[0]
        self.client.indices.refresh(index=target)
        previous = self._indexes_behind_alias()
        moves = [{"remove": {"index": name, "alias": self.index_name}} for name in previous]
        if self.client.indices.exists(index=self.index_name) and not previous:
            # An index (not an alias) of that name, from before aliases: it gives way.
            self.client.indices.delete(index=self.index_name)
        self.client.indices.update_aliases(
            actions=[*moves, {"add": {"index": target, "alias": self.index_name}}]
        )
        for name in previous:
            self.client.indices.delete(index=name, ignore_unavailable=True)
        _index_caught_up()
        return total

    def _indexes_behind_alias(self) -> list[str]:
        if not self.client.indices.exists_alias(name=self.index_name):
            return []
        return list(self.client.indices.get_alias(name=self.index_name))


def _index_caught_up() -> None:
    """The listing's version again, now that the index holds its rows.

    The listing's write renewed it on commit, before the index followed: a search
    answered in between, from the older index, was kept under the renewed version
    (``tenants.federation_answers``) and must not serve.
    """
    versions_bump([table_version(InternshipListing._meta.db_table)])


def _bulk_actions(listing_ids: list[int], index: str) -> list[dict]:
    listings = InternshipListing.objects.filter(pk__in=listing_ids).select_related("cpts")
    return [
        {
            **InternshipDocument.from_listing(listing).to_dict(include_meta=True, skip_empty=False),
            "_index": index,
        }
        for listing in listings
    ]


def _boolean_key(bucket) -> str:
    # Elasticsearch returns booleans as 1/0 with "key_as_string" "true"/"false".
    as_string = getattr(bucket, "key_as_string", None)
    if as_string in ("true", "false"):
        return as_string
    return "true" if bucket.key in (1, True, "true") else "false"


def backend_from_settings() -> ElasticsearchSearchBackend:
    return ElasticsearchSearchBackend(
        settings.ELASTICSEARCH_URL,
        f"{settings.SEARCH_INDEX_PREFIX}internships",
        getattr(settings, "ELASTICSEARCH_OPTIONS", {}),
    )
