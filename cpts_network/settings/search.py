"""Search: PostgreSQL, or an Elasticsearch cluster when its URL is given."""

from __future__ import annotations

from typing import Any


def search_settings(*, elasticsearch_url: str, search_index_prefix: str) -> dict[str, Any]:
    """Students' internship search and each CPTS's site search: PostgreSQL (full text in the
    public schema, Wagtail's database backend in each CPTS's), or an Elasticsearch cluster holding
    the network's index and each CPTS's Wagtail site search (search.wagtail_backend)."""
    wagtail_search = {"BACKEND": "wagtail.search.backends.database"}
    if elasticsearch_url:
        wagtail_search = {
            "BACKEND": "search.wagtail_backend",
            "URLS": [elasticsearch_url],
            "INDEX_PREFIX": search_index_prefix,
        }
    return {
        "WAGTAILSEARCH_BACKENDS": {"default": wagtail_search},
        "ELASTICSEARCH_URL": elasticsearch_url,
        "ELASTICSEARCH_OPTIONS": {},
        "SEARCH_INDEX_PREFIX": search_index_prefix,
        "INTERNSHIP_PAGE_SIZE": 20,
        "INTERNSHIP_PAGE_SIZE_MAX": 50,
    }
