"""Whole answers of a CPTS host kept in the shared cache until its data changes.

A visitor who reads a CPTS's home page, its internship offers or its API asks
for what thousands of visitors asked before; rebuilding it costs some twenty
queries in the CPTS's schema, which a PostgreSQL backend serving 1,000 sites
pays dearly (bench/README.md). An anonymous GET on a CPTS host is therefore
answered from the cache when an answer was kept under the current versions
of the CPTS's schema and of the public tables its pages read
(``tenants.schema_versions``), and kept after it is made otherwise.

The federation's host keeps its answers too, by the public tables each one
read (``tenants.federation_answers``); the rules of what is kept are the same.

What is never kept: an answer to a request bearing a session cookie or an
``Authorization`` header, anything under ``/admin/``, an answer that is not a
200, that sets a cookie or varies on it (forms and their CSRF token, pages
kept for members), that is streamed (files) or that says private or no-store,
nor one whose query string is longer than ``QUERY_MAX_LENGTH``. Each distinct
address keeps its own copy, so anyone may fill the cache with made-up
queries: Redis's ``maxmemory`` and an LRU policy bound it (``check --deploy``
warns without them), the least used answers going first, as in any cache.
The key is the versions read when the request arrived (so an answer made
while a write was committing is filed under the versions it was made from)
and the absolute URL; for an answer that varies on request headers (the
APIs: ``Accept``, ``Origin``) their values too, the URL's list of such
headers being kept beside it as Django's ``cache_page`` does. A page that
varies on nothing is found in one cache read. An answer varying on a header
outside ``KEY_HEADERS`` is not kept. Nothing is added to an answer's
headers (no ``max-age``, no ``Expires``): browsers and proxies would keep a
page the cache has already dropped. Only where ``CPTS_RESPONSE_CACHE_HEADER``
is set (the benchmarks' server) does a kept answer say so (``X-Cache: hit``):
elsewhere it would tell anyone whether an address, a search, was asked lately.

On only with a cache every process shares (Redis): with a cache per process,
a write seen by one worker would leave the others serving the old answer.
``CPTS_RESPONSE_CACHE_SECONDS`` (0: off) bounds how long an answer lives
otherwise, for what no write announces (an event that has just started);
what depends on the date (an offer past its end) is keyed by the day, and
what a deployment changes (templates, code) by the release (``tenants.release``).
While Redis is away the versions are unknown: every answer is made, none is
kept, and none kept before the outage serves after it (``tenants.cache_outage``).
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.http import HttpRequest, HttpResponse
from django.utils.cache import cc_delim_re, has_vary_header

from .federation_answers import HIT_HEADER, federation_answer, kept_copy
from .release import release
from .schema_versions import versions_get

NEVER_KEPT_PATHS = ("/admin/",)
QUERY_MAX_LENGTH = 512
# Request headers an answer may vary on and still be kept (in its key).
KEY_HEADERS = ("Origin", "Accept", "Accept-Language", "Accept-Encoding")
_KEY_HEADERS_LOWER = frozenset(header.lower() for header in KEY_HEADERS)
NEVER_KEPT_CACHE_CONTROL = ("private", "no-cache", "no-store")


def _request_may_share(request: HttpRequest) -> bool:
    return (
        request.method == "GET"
        # Every distinct address keeps its own copy: no page needs a query this long.
        and len(request.META.get("QUERY_STRING", "")) <= QUERY_MAX_LENGTH
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "Authorization" not in request.headers
        and not request.path.startswith(NEVER_KEPT_PATHS)
    )


def _response_may_be_kept(response: HttpResponse) -> bool:
    cache_control = response.get("Cache-Control", "").lower()
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not has_vary_header(response, "Cookie")
        and _KEY_HEADERS_LOWER.issuperset(_vary_headers(response))
        and not any(directive in cache_control for directive in NEVER_KEPT_CACHE_CONTROL)
    )


class ResponseCacheMiddleware:
    """After the Host has chosen the schema, before sessions and authentication."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        seconds = settings.CPTS_RESPONSE_CACHE_SECONDS
        if not seconds or not _request_may_share(request):
            return self.get_response(request)
        if getattr(request, "urlconf", None) == settings.PUBLIC_SCHEMA_URLCONF:
            address = _digest(
                f"{_absolute_url(request)}\n{_key_header_values(request)}\n{_today()}.{release()}"
            )
            return federation_answer(
                request,
                self.get_response,
                address=address,
                seconds=seconds,
                may_be_kept=_response_may_be_kept,
            )
        # Any other host is a CPTS's (a single-site install has no Host routing).
        # Read with the route when the host's route was this process's own (tenants.routing).
        versions = getattr(request, "cpts_schema_versions", None) or versions_get(connection.schema_name)
        if versions is None:
            return self.get_response(request)
        url = _digest(_absolute_url(request))
        versions = f"{versions}.{_today()}.{release()}"
        plain, varies = f"cpts-answer.{versions}.{url}", f"cpts-varies.{url}"
        found = cache.get_many([plain, varies])
        kept = found.get(plain)
        if kept is None and varies in found:
            kept = cache.get(_varied(request, versions, url, found[varies]))
        if kept is not None:
            if settings.CPTS_RESPONSE_CACHE_HEADER:
                kept[HIT_HEADER] = "hit"
            return kept
        response = self.get_response(request)
        if _response_may_be_kept(response):
            if headers := _vary_headers(response):
                cache.set(varies, headers, seconds)
                cache.set(_varied(request, versions, url, headers), kept_copy(response), seconds)
            else:
                cache.set(plain, kept_copy(response), seconds)
        return response


def _absolute_url(request: HttpRequest) -> str:
    """The address ``build_absolute_uri()`` gives, with the Host the routing middleware validated.

    In lower case: ``METZ.example`` is the same site, not one more copy to keep.
    """
    host = getattr(request, "cpts_host", None) or request.get_host()
    return f"{request.scheme}://{host.lower()}{request.get_full_path()}"


def _today() -> str:
    """The local date (Django set the process's TZ): what depends on it is never served from a day before."""
    return time.strftime("%Y%m%d")


def _key_header_values(request: HttpRequest) -> str:
    """The federation's answers are keyed by every header one may vary on: one cache read finds them."""
    return "\n".join(request.headers.get(header, "") for header in KEY_HEADERS)


def _digest(text: str) -> str:
    return hashlib.md5(text.encode(), usedforsecurity=False).hexdigest()


def _vary_headers(response: HttpResponse) -> list[str]:
    return sorted({h.strip().lower() for h in cc_delim_re.split(response.get("Vary", "")) if h.strip()})


def _varied(request: HttpRequest, versions: str, url: str, headers: list[str]) -> str:
    values = "\n".join(request.headers.get(header, "") for header in headers)
    return f"cpts-answer.{versions}.{url}.{_digest(values)}"
