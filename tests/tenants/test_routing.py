"""Cached host routing: no lookup per request, and never a stale route after a change."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from tenants.models import Domain
from tenants.services import cpts_update, domain_add


@pytest.fixture
def routing_cache(settings):
    settings.CPTS_ROUTING_CACHE_SECONDS = 300
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


def queries_for(client: Client, path: str = "/api/v2/pages/") -> list[str]:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    return [q["sql"] for q in queries]


def test_second_request_skips_the_host_lookup(alpha, alpha_client, routing_cache):
    assert any("tenants_domain" in sql for sql in queries_for(alpha_client))
    assert not any("tenants_domain" in sql for sql in queries_for(alpha_client))


def test_cached_route_serves_fresh_cpts_fields(alpha, alpha_client, routing_cache):
    queries_for(alpha_client)  # route cached
    cpts_update(cpts=alpha.cpts, frontend_origins=["https://www.cpts-alpha.fr"])
    response = alpha_client.get("/api/v2/pages/", HTTP_ORIGIN="https://www.cpts-alpha.fr")
    assert response["Access-Control-Allow-Origin"] == "https://www.cpts-alpha.fr"


def test_a_removed_domain_stops_routing_at_once(alpha, routing_cache):
    domain_add(cpts=alpha.cpts, domain="ancien.localhost")
    old = Client(HTTP_HOST="ancien.localhost")
    queries_for(old)  # route cached
    Domain.objects.filter(domain="ancien.localhost").delete()
    assert old.get("/").status_code == 404


def test_routing_cache_is_off_without_a_shared_cache():
    from django.conf import settings

    assert settings.REDIS_URL or settings.CPTS_ROUTING_CACHE_SECONDS == 0
