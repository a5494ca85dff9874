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
after it. Before it is made, an answer's tables are not known yet: the
versions read are those of every table any answer of the host has read so
far (one list for the host, a few dozen tables), and the answer is kept with
the versions of its own tables only, so that it is forgotten by a write to
one of them and no other. An answer that reads a table no answer had read
before is not kept, and the table joins the list (once per table and
deployment, not per address).

Never kept, as on a CPTS host (``tenants.response_cache``): anything asked
with a session cookie or an ``Authorization`` header, under ``/admin/``, or
answered otherwise than a plain 200 that a proxy could share. The key holds
the absolute address and the values of the request headers an answer may
vary on. What no write announces (a day that ends, an event that starts) is
bounded by ``CPTS_RESPONSE_CACHE_SECONDS``. An answer kept before a Redis
outage never serves after it (``FEDERATION`` is renewed on its return).
A hit costs two cache reads and no statement. What is kept is the answer's
bytes, status and headers (``kept_copy``), not the objects that made it.
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
# The public tables the federation's answers have read so far (their version names).
TABLES_READ = "federation-tables-read"


def kept_copy(response: HttpResponse) -> HttpResponse:
    """The answer as the visitor receives it: status, headers and bytes, nothing else.

    An API answer is a REST framework ``Response``, whose pickled form keeps
    the serializer's ``data`` beside the rendered bytes: a kept national
    coverage answer (79 kB of JSON) was unpickled into thousands of objects at
    every hit (1.8 ms of a 2.4 ms hit). A plain copy unpickles as one string.
    """
    if type(response) is HttpResponse:
        return response
    return HttpResponse(
        response.content, status=response.status_code, reason=response.reason_phrase, headers=response.headers
    )


def federation_answer(
    request: HttpRequest,
    get_response: Callable[[HttpRequest], HttpResponse],
    *,
    address: str,
    seconds: int,
    may_be_kept: Callable[[HttpResponse], bool],
) -> HttpResponse:
    """The kept answer to ``request`` if its tables have not changed, otherwise a new one (kept if it may)."""
    answer_key = f"federation-answer.{address}"
    with in_public_cache_keys():
        found = cache.get_many([answer_key, TABLES_READ])
    kept = found.get(answer_key)
    if kept is not None:
        versions, response = kept
        if versions_read(versions) == versions:
            if settings.CPTS_RESPONSE_CACHE_HEADER:
                response[HIT_HEADER] = "hit"
            return response
    known = {FEDERATION, *found.get(TABLES_READ, ()), *(kept[0] if kept else ())}
    current = versions_read(known)
    if current is None:  # Redis is away: nothing read, nothing kept.
        return get_response(request)
    response, tables = _made_noting_reads(request, get_response)
    read = {FEDERATION, *(table_version(table) for table in tables)}
    with in_public_cache_keys():
        if read <= current.keys():
            if may_be_kept(response):
                cache.set(answer_key, ({name: current[name] for name in read}, kept_copy(response)), seconds)
        else:
            # Read before the next answer is made, which is then kept.
            known = set(found.get(TABLES_READ, ())) | read
            cache.set(TABLES_READ, sorted(known - {FEDERATION}), None)
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
