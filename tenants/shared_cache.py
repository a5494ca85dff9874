"""Where the keys every CPTS host's request reads live in the shared cache.

Every cache alias prefixes its keys with the current schema (``make_key``),
so two CPTS never read each other's entries. Routes and schema versions are
read before a request knows its schema, and written from any schema; they
are therefore always kept under the public schema's keys. While Redis is
away a token is unknown (None), and what it would key is neither read nor
kept (``tenants.cache_outage``).
"""

import uuid
from contextlib import AbstractContextManager, nullcontext

from django.core.cache import cache
from django.db import connection
from django_tenants.utils import get_public_schema_name, schema_context


def in_public_cache_keys() -> AbstractContextManager:
    public = get_public_schema_name()
    return nullcontext() if connection.schema_name == public else schema_context(public)


def token_new() -> str:
    """A value that says "this changed" (a schema version, a routes generation)."""
    return uuid.uuid4().hex[:12]


def token_start(key: str) -> str | None:
    """The token under ``key``, made on first use or after an eviction; add() keeps a concurrent one.

    None when the shared cache cannot tell (Redis is away).
    """
    cache.add(key, token_new(), None)
    return cache.get(key)
