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


def test_routes_and_answers_are_kept_only_with_a_shared_cache():
    """The install's settings: a routes generation or an answer kept by one process alone
    could not tell the others about a change (tenants.routing, tenants.response_cache)."""
    import os
    import subprocess
    import sys

    def kept_seconds(**env) -> str:
        environment = {k: v for k, v in os.environ.items() if not k.startswith(("REDIS_URL", "CPTS_"))}
        return subprocess.run(
            [
                sys.executable,
                "-c",
                "from django.conf import settings as s; "
                "print(s.CPTS_ROUTING_CACHE_SECONDS, s.CPTS_RESPONSE_CACHE_SECONDS)",
            ],
            env={
                **environment,
                "DJANGO_SETTINGS_MODULE": "config.settings.base",
                # Read, never connected to: the settings only name the database.
                "DATABASE_URL": "postgresql://nobody@127.0.0.1:1/none",
                **env,
            },
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()

    assert kept_seconds() == "0 0"
    assert kept_seconds(REDIS_URL="redis://127.0.0.1:6379/9") == "300 3600"


def cache_reads(monkeypatch) -> list[str]:
    """Records each read of the shared cache (a round trip to Redis in production).

    The local-memory cache of the test run reads ``get_many`` key by key: those are one read.
    """
    from django.core.cache import caches

    default, reads, depth = caches["default"], [], [0]

    def counted(method):
        read = getattr(default, method)

        def counting(*args, **kwargs):
            if not depth[0]:
                reads.append(method)
            depth[0] += 1
            try:
                return read(*args, **kwargs)
            finally:
                depth[0] -= 1

        monkeypatch.setattr(default, method, counting)

    counted("get")
    counted("get_many")
    return reads


def test_a_kept_answer_costs_two_cache_reads_and_no_statement(
    alpha, alpha_client, routing_cache, settings, monkeypatch
):
    settings.CPTS_RESPONSE_CACHE_SECONDS = 300
    first = alpha_client.get("/")
    alpha_client.get("/")  # the route is now this process's own
    reads = cache_reads(monkeypatch)
    with CaptureQueriesContext(connection) as queries:
        again = alpha_client.get("/")
    assert again.content == first.content
    # The routes generation and the versions in one read, then the answer: as on a single site.
    assert (reads, len(queries)) == (["get_many", "get_many"], 0)


def test_a_route_looked_up_before_a_change_is_not_served_after_it(alpha, routing_cache):
    from django.core.cache import cache
    from django_tenants.utils import schema_context

    from tenants import routing

    domain_add(cpts=alpha.cpts, domain="ancien.localhost")
    old = Client(HTTP_HOST="ancien.localhost")
    queries_for(old)
    with schema_context("public"):
        looked_up_before = cache.get(routing.PREFIX + "ancien.localhost")
    Domain.objects.filter(domain="ancien.localhost").delete()
    # A request in another process looked the host up before the deletion committed and writes
    # its route after: it is stamped with the generation it read first, which is no longer current.
    with schema_context("public"):
        cache.set(routing.PREFIX + "ancien.localhost", looked_up_before)
    routing._local_routes.clear()
    assert old.get("/").status_code == 404


def test_a_route_makes_the_instance_from_db_makes(alpha):
    from tenants.models import CPTS
    from tenants.routing import Route

    cpts = alpha.cpts
    made = Route(cpts.pk, cpts.schema_name, "g", 0.0).cpts()
    expected = CPTS.from_db("default", ["id", "schema_name"], (cpts.pk, cpts.schema_name))
    assert {k: v for k, v in vars(made).items() if k != "_state"} == {
        k: v for k, v in vars(expected).items() if k != "_state"
    }
    assert (made._state.adding, made._state.db) == (False, "default")
    assert made.get_deferred_fields() == expected.get_deferred_fields()
    # Deferred fields load from the database on first access.
    assert made == cpts and made.short_name == cpts.short_name
