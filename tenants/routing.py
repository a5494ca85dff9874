"""Host → schema routing, cached so a request does not look its host up every time.

Only the route (CPTS id and schema) is cached, never the CPTS's fields:
``request.tenant`` is a deferred instance whose fields load, fresh, on first
access (the pages API never touches them). Domain and CPTS changes delete the
routes they affect; the cache must therefore be shared by every process
(Redis), which is why ``CPTS_ROUTING_CACHE_SECONDS`` is 0 (off) without
``REDIS_URL``: a per-process cache could keep routing an archived CPTS's host.
"""

from __future__ import annotations

from contextlib import nullcontext

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django_tenants.utils import get_public_schema_name, schema_context

from .models import CPTS, Domain

PREFIX = "cpts-route:"


def _key(host: str) -> str:
    return PREFIX + host


def in_public_cache_keys():
    """Cache keys carry the schema; routes live under the public one."""
    public = get_public_schema_name()
    return nullcontext() if connection.schema_name == public else schema_context(public)


def route_get(host: str) -> CPTS | None:
    """The CPTS serving ``host`` (deferred instance), from the cache or the database."""
    seconds = settings.CPTS_ROUTING_CACHE_SECONDS
    if seconds:
        with in_public_cache_keys():
            route = cache.get(_key(host))
        if route is not None:
            return CPTS.from_db("default", ["id", "schema_name"], route)
    domain = Domain.objects.select_related("tenant").filter(domain=host).first()
    if domain is None:
        return None
    if seconds:
        with in_public_cache_keys():
            cache.set(_key(host), (domain.tenant.pk, domain.tenant.schema_name), seconds)
    return domain.tenant


def routes_forget(hosts: list[str]) -> None:
    if hosts:
        with in_public_cache_keys():
            cache.delete_many([_key(host) for host in hosts])


def forget_domain(sender, instance: Domain, **kwargs) -> None:
    routes_forget([instance.domain])


def forget_cpts(sender, instance: CPTS, **kwargs) -> None:
    routes_forget(list(Domain.objects.filter(tenant_id=instance.pk).values_list("domain", flat=True)))
