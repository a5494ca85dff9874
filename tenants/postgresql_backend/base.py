"""django-tenants' PostgreSQL backend, without re-querying content types on every request.

Schemas number content types differently, so django-tenants empties Django's
content-type cache at every ``set_tenant`` (every request), and each request
queries them again. Here the cache is keyed by schema instead: each schema
keeps its own entries, the switch leaves them alone (``set_tenant``), and
Django's own ``clear_cache()`` (after migrations, in tests) clears everything.

A PostgreSQL backend keeps the catalog entries (relations, columns, indexes)
of every schema it has queried, for as long as it lives: one that served the
whole network of 1,000 CPTS held hundreds of megabytes. A persistent
connection is therefore closed, between two requests, once it has visited
more than ``CPTS_CONNECTION_MAX_SCHEMAS`` CPTS schemas; the next request opens
a fresh one.
Closing after every request instead (``CONN_MAX_AGE=0``) was measured slower:
opening a PostgreSQL session costs more than the catalog it would forget.

Every statement that writes is noted, and once its transaction commits the
schema it wrote to gets a new version (``tenants.schema_versions``): what was
cached from that schema is not served again. A write to a public table also
renews that table's version; while ``tables_read`` is a set, the public tables
every statement names are added to it (``tenants.federation_answers``).
"""

from functools import partial

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import connections
from django_tenants.postgresql_backend import base as tenant_backend
from django_tenants.postgresql_backend.base import DatabaseWrapper as TenantDatabaseWrapper
from django_tenants.utils import get_public_schema_name


class SchemaKeyedCache(dict):
    """``cache[alias]`` answers with the entries of that alias's current schema."""

    @staticmethod
    def _key(alias: str) -> tuple[str, str]:
        return alias, connections[alias].schema_name

    def __getitem__(self, alias):
        return super().__getitem__(self._key(alias))

    def setdefault(self, alias, default=None):
        return super().setdefault(self._key(alias), default)


def schema_keyed_cache() -> SchemaKeyedCache:
    """Django's content-type cache, keyed by schema (installed once, by the first connection)."""
    if not isinstance(ContentType.objects._cache, SchemaKeyedCache):
        ContentType.objects._cache = SchemaKeyedCache()
    return ContentType.objects._cache


class DatabaseWrapper(TenantDatabaseWrapper):
    def __init__(self, *args, **kwargs) -> None:
        # The schemas this session has queried (set before django-tenants' own
        # __init__, which switches to the public schema).
        self.schemas_visited: set[str] = set()
        self._version_bumps: dict[str, partial] = {}
        # None, or the public tables named since the federation's answer began.
        self.tables_read: set[str] | None = None
        schema_keyed_cache()
        super().__init__(*args, **kwargs)
        self.execute_wrappers.append(self._note_statement)

    def connect(self) -> None:
        self.schemas_visited = set()
        super().connect()

    def _cursor(self, name=None):
        cursor = super()._cursor(name)
        self.schemas_visited.add(self.schema_name)
        return cursor

    def _note_statement(self, execute, sql, params, many, context):
        result = execute(sql, params, many, context)
        if not isinstance(sql, str):
            return result
        head = sql.lstrip()[:1]
        # Most statements are reads: one character decides before any pattern runs.
        # A single write that changed no row (nothing to update, a conflict ignored) changes nothing
        # shown; a WITH's count is its last clause's, not its CTEs' writes.
        unchanged = head in "IUDiud" and getattr(context["cursor"], "rowcount", -1) == 0
        if head in "IUDTWiudtw" and not unchanged:
            from tenants.schema_versions import versions_written

            for name in versions_written(sql, self.schema_name):
                self._version_bump_on_commit(name)
        if self.tables_read is not None and head in "SWsw":
            from tenants.schema_versions import tables_read

            self.tables_read |= tables_read(sql)
        return result

    def _version_bump_on_commit(self, name: str) -> None:
        """A new version for ``name`` once the write commits; once per transaction, not per row."""
        from tenants.schema_versions import versions_bump

        if not self.in_atomic_block:
            versions_bump([name])
            return
        pending = self._version_bumps.get(name)
        # One callback per name and level of savepoints: a rolled-back savepoint
        # drops the callbacks queued inside it, so a later write queues its own.
        here = set(self.savepoint_ids)
        if pending is not None and any(
            func is pending and sids == here for sids, func, _ in self.run_on_commit
        ):
            return
        self._version_bumps[name] = callback = partial(versions_bump, [name])
        self.on_commit(callback)

    def close_if_unusable_or_obsolete(self) -> None:
        """Django's own checks (at each request's start and end), then the CPTS schemas visited.

        The limit counts CPTS schemas only, and closes past it: every request
        visits the public schema (its route), so counting it would recycle a
        connection sized to the whole network (1,000 for 1,000 CPTS) just
        before it had met the last CPTS, which is what the benchmark found.
        """
        super().close_if_unusable_or_obsolete()
        limit = getattr(settings, "CPTS_CONNECTION_MAX_SCHEMAS", None)
        if (
            self.connection is not None
            and limit
            and len(self.schemas_visited - {get_public_schema_name()}) > limit
            and not self.in_atomic_block
        ):
            self.close()

    def set_tenant(self, tenant, include_public=True) -> None:
        """django-tenants' ``set_tenant``, without emptying the content-type cache.

        The cache is keyed by schema here, so the switch has nothing to forget.
        It runs twice per request on a CPTS host (public for the route, then
        the CPTS's), and the emptying, through the content-type manager, cost
        more than the switch itself.
        ``test_set_tenant_leaves_the_connection_as_django_tenants_does`` holds
        the connection's state to django-tenants' own result.
        """
        self.tenant = tenant
        self.schema_name = tenant.schema_name
        self.include_public_schema = include_public
        self.set_settings_schema(tenant.schema_name)
        if tenant_backend.EXTRA_SET_TENANT_METHOD:
            tenant_backend.EXTRA_SET_TENANT_METHOD(self, tenant)
        self.search_path_set_schemas = None
