"""django-tenants' PostgreSQL backend, without re-querying content types on every request.

Schemas number content types differently, so django-tenants empties Django's
content-type cache at every ``set_tenant`` (every request), and each request
queries them again. Here the cache is keyed by schema instead: each schema
keeps its own entries, the switch leaves them alone, and Django's own
``clear_cache()`` (after migrations, in tests) still clears everything.
"""

from contextlib import contextmanager

from django.db import connections
from django_tenants.postgresql_backend.base import DatabaseWrapper as TenantDatabaseWrapper


class SchemaKeyedCache(dict):
    """``cache[alias]`` answers with the entries of that alias's current schema."""

    keep = False

    @staticmethod
    def _key(alias: str) -> tuple[str, str]:
        return alias, connections[alias].schema_name

    def __getitem__(self, alias):
        return super().__getitem__(self._key(alias))

    def setdefault(self, alias, default=None):
        return super().setdefault(self._key(alias), default)

    def clear(self) -> None:
        if not self.keep:
            super().clear()

    @contextmanager
    def kept(self):
        self.keep = True
        try:
            yield
        finally:
            self.keep = False


def schema_keyed_cache() -> SchemaKeyedCache:
    from django.contrib.contenttypes.models import ContentType

    if not isinstance(ContentType.objects._cache, SchemaKeyedCache):
        ContentType.objects._cache = SchemaKeyedCache()
    return ContentType.objects._cache


class DatabaseWrapper(TenantDatabaseWrapper):
    def set_tenant(self, tenant, include_public=True):
        with schema_keyed_cache().kept():
            super().set_tenant(tenant, include_public=include_public)
