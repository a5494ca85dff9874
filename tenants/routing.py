"""Host → schema routing, cached so a request does not look its host up every time.

Only the route (CPTS id and schema) is cached, never the CPTS's fields:
``request.tenant`` is a deferred instance whose fields load, fresh, on first
access (the pages API never touches them).

Each process keeps the routes it has used; the shared cache (Redis) keeps
them for every process, and a *routes generation*. A route is stamped with
the generation read before it was looked up, and serves only while that is
still the generation: any Domain or CPTS change sets a new one (at once, and
again when its transaction commits, so a lookup that raced the commit is not
kept). The process's own copy saves a cache read: the generation comes in
the same read as the schema's versions (``tenants.schema_versions``), which
the response cache then uses, so a kept answer costs two cache reads as on a
single site. Without ``REDIS_URL`` ``CPTS_ROUTING_CACHE_SECONDS`` is 0 (off):
a generation kept per process could not tell the others that an archived
CPTS's host has stopped routing. While Redis is away the generation is
unknown: every request looks its host up and no route is kept, and when it
returns a new generation retires the routes kept before (``tenants.cache_outage``).
"""

from __future__ import annotations

import time
from typing import NamedTuple

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.base import ModelState

from .models import CPTS, Domain
from .schema_versions import version_keys, versions_from
from .shared_cache import in_public_cache_keys, token_new, token_start

PREFIX = "cpts-route:"
GENERATION = "cpts-routes-generation"
# A process serves at most this many hosts from its own memory (a few MB).
LOCAL_ROUTES_MAX = 20_000


class Route(NamedTuple):
    cpts_id: int
    schema_name: str
    generation: str
    expires: float

    def cpts(self) -> CPTS:
        """What ``CPTS.from_db`` makes of these two fields: every other field deferred.

        Built directly because ``from_db`` walks every field of the model to
        mark it deferred, about 7 µs of each kept answer;
        ``test_a_route_makes_the_instance_from_db_makes`` holds the two to the
        same result.
        """
        cpts = CPTS.__new__(CPTS)
        cpts._state = state = ModelState()
        state.adding, state.db = False, "default"
        cpts.id, cpts.schema_name = self.cpts_id, self.schema_name
        return cpts


_local_routes: dict[str, Route] = {}


def _key(host: str) -> str:
    return PREFIX + host


def route_and_versions(host: str) -> tuple[CPTS | None, str | None]:
    """The CPTS serving ``host`` (deferred instance), and its answers' versions when read on the way.

    The versions are ``schema_versions.versions_get``'s for the CPTS's schema,
    or None when they were not read with the route.
    """
    seconds = settings.CPTS_ROUTING_CACHE_SECONDS
    if not seconds:
        return _cpts_of(host), None
    now = time.monotonic()
    local = _local_routes.get(host)
    if local is not None and local.expires <= now:
        local = None
    keys = [GENERATION, *(version_keys(local.schema_name) if local else [_key(host)])]
    with in_public_cache_keys():
        found = cache.get_many(keys)
        generation = found.get(GENERATION) or token_start(GENERATION)
        if generation is None:
            # Redis is away: the host is looked up, and its route kept nowhere.
            return _cpts_of(host), None
        if local is not None and local.generation == generation:
            return local.cpts(), versions_from(found, local.schema_name)
        shared = found.get(_key(host)) if local is None else cache.get(_key(host))
    if shared is not None and shared[2] == generation:
        route = Route(*shared, expires=now + seconds)
    else:
        cpts = _cpts_of(host)
        if cpts is None:
            return None, None
        route = Route(cpts.pk, cpts.schema_name, generation, expires=now + seconds)
        with in_public_cache_keys():
            cache.set(_key(host), tuple(route[:3]), seconds)
    if len(_local_routes) >= LOCAL_ROUTES_MAX:
        _local_routes.clear()
    _local_routes[host] = route
    return route.cpts(), None


def _cpts_of(host: str) -> CPTS | None:
    domain = Domain.objects.select_related("tenant").filter(domain=host).first()
    return None if domain is None else domain.tenant


def routes_forget() -> None:
    """Every route kept so far stops serving, now and once the current transaction commits."""

    def new_generation() -> None:
        with in_public_cache_keys():
            cache.set(GENERATION, token_new(), None)

    new_generation()
    transaction.on_commit(new_generation)


def forget_domain(sender, instance: Domain, **kwargs) -> None:
    routes_forget()


def forget_cpts(sender, instance: CPTS, **kwargs) -> None:
    routes_forget()
