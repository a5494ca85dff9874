"""Schema versions: a token that changes whenever what a CPTS site shows may have changed.

A CPTS site's answers are made from two kinds of rows: its own schema's, and
the few public tables its pages read (communes, territory claims, the CPTS's
own row). Every committed write gets a new version for the schema it wrote
to, or for the network when it wrote to one of those public tables. The
database backend (``tenants.postgresql_backend``) sees every INSERT, UPDATE,
DELETE and TRUNCATE, bulk operations and raw SQL included, so no model has to
remember to announce its changes. ``tenants.response_cache`` keys what it
keeps by both versions: an answer is never served after the rows it was made
from changed.

Apps declare the public tables their CPTS pages read from their
``AppConfig.ready()`` (``site_public_reads_register``); a test serves every
kind of page and API of a CPTS host and fails on an undeclared public read.
The versions live in the default cache, under the public schema's keys; a
version that was evicted simply starts again as a new one. While Redis is
away versions are unknown and no answer is read or kept; a bump lost then is
made up for when it returns (``tenants.cache_outage``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django_tenants.utils import get_public_schema_name

from .shared_cache import in_public_cache_keys, token_new, token_start

PREFIX = "schema-version:"
# The pseudo-schema whose version changes with the public tables CPTS sites read.
NETWORK = "@network"
# Written while sites are only read (sign-ins, sessions, search statistics):
# writing them changes nothing a page shows.
TABLES_NEVER_SHOWN = frozenset(
    {
        "django_session",
        "axes_accessattempt",
        "axes_accessfailurelog",
        "axes_accesslog",
        "wagtailsearch_query",
        "wagtailsearch_querydailyhits",
    }
)

_WRITE = re.compile(
    r'^\s*(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM|TRUNCATE(?:\s+TABLE)?)\s+(?:"?\w+"?\.)?"?(\w+)"?',
    re.IGNORECASE,
)
_site_public_reads: set[str] = set()
_tenant_tables: frozenset[str] | None = None


def site_public_reads_register(*models) -> None:
    """Declare public tables that CPTS pages or APIs read (idempotent)."""
    _site_public_reads.update(model._meta.db_table for model in models)


def site_public_reads() -> frozenset[str]:
    return frozenset(_site_public_reads)


def _tables_of_tenant_apps() -> frozenset[str]:
    global _tenant_tables
    if _tenant_tables is None:
        tenant_apps = set(settings.TENANT_APPS)
        _tenant_tables = frozenset(
            model._meta.db_table
            for model in apps.get_models(include_auto_created=True)
            if model._meta.app_config.name in tenant_apps
        )
    return _tenant_tables


def written_version(sql: str, schema_name: str) -> str | None:
    """Whose version a statement changes: a schema's, the network's, or nobody's."""
    match = _WRITE.match(sql)
    if match is None:
        return None
    table = match.group(1)
    if table in TABLES_NEVER_SHOWN:
        return None
    # A table of a tenant app resolves to the CPTS's schema first (search_path).
    if schema_name != get_public_schema_name() and table in _tables_of_tenant_apps():
        return schema_name
    # A single-schema install (the benchmarks' baseline) shows every table it has.
    if table in _site_public_reads or getattr(settings, "CPTS_EVERY_TABLE_IS_SHOWN", False):
        return NETWORK
    return None


def version_keys(schema_name: str) -> list[str]:
    """The cache keys of the versions an answer of ``schema_name`` is made from."""
    return [PREFIX + schema_name, PREFIX + NETWORK]


def versions_from(found: dict, schema_name: str) -> str | None:
    """``versions_get``'s answer out of a cache read that included ``version_keys``, if all were there."""
    values = [found.get(key) for key in version_keys(schema_name)]
    return None if None in values else ".".join(str(value) for value in values)


def versions_get(schema_name: str) -> str | None:
    """The versions an answer of ``schema_name`` is made from, as one key part; None while Redis is away."""
    keys = version_keys(schema_name)
    with in_public_cache_keys():
        found = cache.get_many(keys)
        for key in set(keys) - found.keys():
            found[key] = token_start(key)
    return versions_from(found, schema_name)


def versions_bump(names: Iterable[str]) -> None:
    """Give each of ``names`` (schemas, or ``NETWORK``) a new version: what was kept for it is gone."""
    with in_public_cache_keys():
        cache.set_many({PREFIX + name: token_new() for name in names}, None)
