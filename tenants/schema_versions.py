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

The federation's host reads public tables only, and many of them: each
public table therefore has a version of its own (``table_version``), which
every committed write to it renews, whichever schema the write came from
(a CPTS publishing an offer writes the network's listing).
``tenants.federation_answers`` keeps each answer with the versions of the
tables it read (``tables_read_noted``), so a new offer does not forget the
coverage pages, nor a new claim the students' search.
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

# The version of one public table: "@table:network_commune".
TABLE = "@table:"
# Renewed when Redis returns from an outage (``tenants.cache_outage``): every
# answer of the federation's host holds it, so none kept before serves after.
FEDERATION = "@federation"

_WRITE_TARGET = r'(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+(?:ONLY\s+)?(?:"?\w+"?\.)?"?(\w+)"?'
_WRITE_AT_START = re.compile(r"^\s*" + _WRITE_TARGET, re.IGNORECASE)
# A statement that begins with WITH may write in its CTEs or its last clause.
_WRITE_ANYWHERE = re.compile(r"\b" + _WRITE_TARGET, re.IGNORECASE)
_TRUNCATE = re.compile(r"^\s*TRUNCATE\s+(?:TABLE\s+)?(?:ONLY\s+)?(.+)", re.IGNORECASE | re.DOTALL)
_site_public_reads: set[str] = set()
_app_tables: dict[str, frozenset[str]] = {}
_IDENTIFIER = re.compile(r"[a-z_][a-z0-9_]*")


def site_public_reads_register(*models) -> None:
    """Declare public tables that CPTS pages or APIs read (idempotent)."""
    _site_public_reads.update(model._meta.db_table for model in models)


def site_public_reads() -> frozenset[str]:
    return frozenset(_site_public_reads)


def _tables_of(setting: str) -> frozenset[str]:
    """The tables of the apps a setting lists (TENANT_APPS, SHARED_APPS), computed once per process."""
    if setting not in _app_tables:
        listed = set(getattr(settings, setting))
        _app_tables[setting] = frozenset(
            model._meta.db_table
            for model in apps.get_models(include_auto_created=True)
            if model._meta.app_config.name in listed
        )
    return _app_tables[setting]


def _tables_of_tenant_apps() -> frozenset[str]:
    return _tables_of("TENANT_APPS")


def _tables_of_shared_apps() -> frozenset[str]:
    return _tables_of("SHARED_APPS")


def table_version(table: str) -> str:
    """The version name of a public table."""
    return TABLE + table


def tables_read(sql: str) -> set[str]:
    """The public tables a statement names (quoted or not, qualified or not).

    Every identifier is compared with the public tables, rather than parsing
    FROM and JOIN: a name in a subquery, a CTE or raw SQL counts too. A column
    that happens to bear a table's name only adds a needless dependency.
    """
    return _tables_of_shared_apps().intersection(_IDENTIFIER.findall(sql))


def table_read_note(table: str) -> None:
    """Count ``table`` among those the answer being made reads, though no statement named it.

    For what is read elsewhere and stands for a table: the search engine's index
    holds the listing, and an empty result reads no row of it.
    """
    from django.db import connection

    if connection.tables_read is not None:
        connection.tables_read.add(table)


def tables_written(sql: str) -> list[str]:
    """The tables a statement writes to: INSERT, UPDATE, DELETE, TRUNCATE (each table), a WITH that writes."""
    head = sql.lstrip()[:1].upper()
    if head in ("I", "U", "D"):
        match = _WRITE_AT_START.match(sql)
        return [match.group(1)] if match else []
    if head == "T" and (match := _TRUNCATE.match(sql)):
        parts = [part.split() for part in match.group(1).split(",")]
        return [words[0].split(".")[-1].strip('"') for words in parts if words]
    if head == "W":
        known = _tables_of_tenant_apps() | _tables_of_shared_apps()
        return [table for table in _WRITE_ANYWHERE.findall(sql) if table in known]
    return []


def versions_written(sql: str, schema_name: str) -> set[str]:
    """The versions a statement's writes change: its CPTS schema's, the network's, public tables'."""
    names = set()
    public = schema_name == get_public_schema_name()
    for table in tables_written(sql):
        if table in TABLES_NEVER_SHOWN:
            continue
        # A table of a tenant app resolves to the CPTS's schema first (search_path).
        if not public and table in _tables_of_tenant_apps():
            names.add(schema_name)
            continue
        # A single-schema install (the benchmarks' baseline) shows every table it has.
        if table in _site_public_reads or getattr(settings, "CPTS_EVERY_TABLE_IS_SHOWN", False):
            names.add(NETWORK)
        if table in _tables_of_shared_apps():
            names.add(table_version(table))
    return names


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


def versions_read(names: Iterable[str]) -> dict[str, str] | None:
    """The current version of each of ``names`` (tables, ``FEDERATION``); None while Redis is away."""
    keys = {PREFIX + name: name for name in names}
    with in_public_cache_keys():
        found = cache.get_many(list(keys))
        for key in keys.keys() - found.keys():
            found[key] = token_start(key)
    if None in found.values():
        return None
    return {name: found[key] for key, name in keys.items()}


def versions_bump(names: Iterable[str]) -> None:
    """Give each of ``names`` (schemas, or ``NETWORK``) a new version: what was kept for it is gone."""
    with in_public_cache_keys():
        cache.set_many({PREFIX + name: token_new() for name in names}, None)
