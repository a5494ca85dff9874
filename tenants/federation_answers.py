"""Whole answers of the federation's host, kept until a table they read changes.

The federation's pages and APIs (coverage, the students' search, campaigns,
agenda, news, the observatory, its home) read public tables only, and the
day a national article links to them, or internship choices open, thousands
of visitors ask for the same few answers. An anonymous GET there is answered
from the shared cache when the answer was kept with the versions of the
public tables it read and every one of them still holds
(``tenants.schema_versions.table_version``); a write to any of those tables,
from the federation or from a CPTS writing the network's copies, renews it.

Which tables an answer reads is learned, not declared: while it is made the
database backend notes every public table its statements name. The versions
compared are read *before* the answer is made, so an answer made while a
write was committing is filed under the older versions and never served
after it. Those versions can only be read for tables already known to the
address: the first time an address reads a table it had not read before,
its answer is not kept, and the tables it read are remembered so that the
next one is (two misses at most, then hits).

Never kept, as on a CPTS host (``tenants.response_cache``): anything asked
with a session cookie or an ``Authorization`` header, under ``/admin/``, or
answered otherwise than a plain 200 that a proxy could share. The key holds
the absolute address and the values of the request headers an answer may
vary on. What no write announces (a day that ends, an event that starts) is
bounded by ``CPTS_RESPONSE_CACHE_SECONDS``. An answer kept before a Redis
outage never serves after it (``FEDERATION`` is renewed on its return).
A hit costs two cache reads and no statement.
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.http import HttpRequest, HttpResponse

from .schema_versions import FEDERATION, table_version, versions_read
from .shared_cache import in_public_cache_keys

HIT_HEADER = "X-Cache"


def federation_answer(
    request: HttpRequest,
    get_response: Callable[[HttpRequest], HttpResponse],
    *,
    address: str,
    seconds: int,
    may_be_kept: Callable[[HttpResponse], bool],
) -> HttpResponse:
    """The kept answer to ``request`` if its tables have not changed, otherwise a new one (kept if it may)."""
    answer_key, reads_key = f"federation-answer.{address}", f"federation-reads.{address}"
    with in_public_cache_keys():
        found = cache.get_many([answer_key, reads_key])
    kept = found.get(answer_key)
    names = set(kept[0]) if kept else {FEDERATION, *found.get(reads_key, ())}
    current = versions_read(names)
    if current is None:  # Redis is away: nothing read, nothing kept.
        return get_response(request)
    if kept and kept[0] == current:
        response = kept[1]
        if settings.CPTS_RESPONSE_CACHE_HEADER:
            response[HIT_HEADER] = "hit"
        return response
    response, tables = _made_noting_reads(request, get_response)
    read = {table_version(table) for table in tables}
    with in_public_cache_keys():
        if read <= names:
            if may_be_kept(response):
                cache.set(answer_key, (current, response), seconds)
        else:
            # Next time these versions are read before the answer is made, and it is kept.
            cache.set(reads_key, sorted(names - {FEDERATION} | read), seconds)
    return response


def _made_noting_reads(
    request: HttpRequest, get_response: Callable[[HttpRequest], HttpResponse]
) -> tuple[HttpResponse, set[str]]:
    outer = connection.tables_read
    connection.tables_read = set()
    try:
        response = get_response(request)
        return response, connection.tables_read
    finally:
        connection.tables_read = outer
