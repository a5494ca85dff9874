"""Which engine answers the students' search: PostgreSQL, or Elasticsearch when ELASTICSEARCH_URL is set."""

from __future__ import annotations

from functools import lru_cache

from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver

from .base import FACETS, BackendResults, InternshipQuery, SearchBackend, Sort

__all__ = ["FACETS", "BackendResults", "InternshipQuery", "SearchBackend", "Sort", "get_backend"]


@lru_cache(maxsize=1)
def get_backend() -> SearchBackend:
    if settings.ELASTICSEARCH_URL:
        from .elasticsearch import backend_from_settings

        return backend_from_settings()
    from .postgres import PostgresSearchBackend

    return PostgresSearchBackend()


@receiver(setting_changed)
def _forget_backend(setting: str, **kwargs) -> None:
    if setting in ("ELASTICSEARCH_URL", "ELASTICSEARCH_OPTIONS", "SEARCH_INDEX_PREFIX"):
        get_backend.cache_clear()
