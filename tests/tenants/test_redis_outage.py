"""Redis going away: CPTS hosts answer from PostgreSQL, and never a stale answer once it returns.

Each test runs a Redis server of its own (the machine's Redis on :6379 is
left alone), points the install's caches at it the way ``REDIS_URL`` does,
with routes and answers kept, then stops it. A Redis that comes back may
have kept its data (a snapshot, a network cut rather than a stop): what it
kept from before the outage must not be served over a write made during it.
"""

import logging
import runpy
import shutil
import signal
import socket
import subprocess
import time
from pathlib import Path

import pytest
import redis
from django.db import connection
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext

from config.settings import base as base_settings
from content.contact import contact_post_refusal
from content.models import HomePage
from content.services import home_page_update, standard_page_publish
from tenants import cache_outage
from tenants.models import Domain
from tenants.services import domain_add

REDIS_SERVER = shutil.which("redis-server")
pytestmark = pytest.mark.skipif(REDIS_SERVER is None, reason="redis-server is not installed")


class RedisServer:
    """A throw-away redis-server on a free port; ``stop`` and ``start`` keep the port."""

    def __init__(self, directory: Path) -> None:
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.directory = directory
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        self.process = subprocess.Popen(  # noqa: S603
            [REDIS_SERVER, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "",
             "--appendonly", "no", "--dir", str(self.directory)],
            stdout=subprocess.DEVNULL,
        )
        client = redis.Redis.from_url(self.url)
        for _ in range(200):
            try:
                client.ping()
                return
            except redis.ConnectionError:
                time.sleep(0.02)
        raise RuntimeError("redis-server did not start")

    def stop(self, *, keep_data: bool = False) -> None:
        """Kill it; with ``keep_data`` it comes back with what it held (as after a snapshot)."""
        if keep_data:
            redis.Redis.from_url(self.url).save()
        else:
            (self.directory / "dump.rdb").unlink(missing_ok=True)
        self.process.kill()
        self.process.wait()


@pytest.fixture
def redis_server(settings, monkeypatch, tmp_path):
    """The install's caches (config/settings/base.py) on a Redis of its own; answers and routes kept."""
    server = RedisServer(tmp_path)
    server.start()
    monkeypatch.setenv("REDIS_URL", server.url)
    # Read, never connected to: the settings module only names the database.
    monkeypatch.setenv("DATABASE_URL", "postgresql://nobody@127.0.0.1:1/none")
    settings.CACHES = runpy.run_path(base_settings.__file__)["CACHES"]
    settings.CPTS_RESPONSE_CACHE_SECONDS = 300
    settings.CPTS_ROUTING_CACHE_SECONDS = 300
    # Each call during the outage tries Redis again (in production, once every few seconds).
    monkeypatch.setattr(cache_outage, "RETRY_SECONDS", 0)
    yield server
    if server.process.poll() is None:
        server.stop()
    cache_outage.outage_forget()


def answer(client: Client, path: str = "/") -> tuple[str, int]:
    """The page's text and how many statements serving it took (0: a kept answer)."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200, (path, response.status_code, response.content[:300])
    return response.content.decode(), len(queries)


def outage_warnings(caplog) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.name == cache_outage.logger.name]


@pytest.mark.parametrize("kept_its_data", [True, False], ids=["redis-kept-its-data", "redis-came-back-empty"])
def test_a_cpts_is_served_from_postgresql_while_redis_is_away_and_fresh_once_it_returns(
    alpha, alpha_client, redis_server, kept_its_data, caplog, django_capture_on_commit_callbacks
):
    home, _ = answer(alpha_client)
    pages, _ = answer(alpha_client, "/api/v2/pages/")
    assert answer(alpha_client) == (home, 0)
    assert answer(alpha_client, "/api/v2/pages/") == (pages, 0)

    redis_server.stop(keep_data=kept_its_data)
    caplog.set_level(logging.WARNING)
    for _ in range(2):
        assert answer(alpha_client)[0] == home
        assert answer(alpha_client, "/api/v2/pages/")[0] == pages
        assert "password" in answer(alpha_client, "/admin/login/")[0]
    # Sessions live in the CPTS's schema, sign-in attempts too (django-axes).
    editor = Client(HTTP_HOST=alpha.host)
    from tests.conftest import login

    login(editor, alpha)
    assert editor.get("/admin/").status_code == 200
    # Writes commit; their new versions cannot reach Redis.
    with alpha.context(), django_capture_on_commit_callbacks(execute=True):
        home_page_update(introduction="<p>Écrit pendant la panne</p>")
        standard_page_publish(parent=HomePage.objects.get(), title="Page de la panne", body="<p>x</p>")
    connection.set_schema_to_public()
    assert "Écrit pendant la panne" in answer(alpha_client)[0]
    assert "Page de la panne" in answer(alpha_client, "/api/v2/pages/")[0]
    warned = outage_warnings(caplog)
    assert len(warned) == 1 and "Redis" in warned[0], warned

    redis_server.start()
    after, _ = answer(alpha_client)
    assert "Écrit pendant la panne" in after
    assert "Page de la panne" in answer(alpha_client, "/api/v2/pages/")[0]
    # Kept again, and still the fresh one.
    assert answer(alpha_client) == (after, 0)
    assert len(outage_warnings(caplog)) == 2, "one line when it goes, one when it returns"


def test_a_domain_removed_while_redis_is_away_stops_routing_once_it_returns(alpha, redis_server):
    domain_add(cpts=alpha.cpts, domain="ancien.localhost")
    old = Client(HTTP_HOST="ancien.localhost")
    answer(old, "/api/v2/pages/")
    assert answer(old, "/api/v2/pages/")[1] == 0
    redis_server.stop(keep_data=True)
    Domain.objects.filter(domain="ancien.localhost").delete()
    assert old.get("/api/v2/pages/").status_code == 404
    redis_server.start()
    assert old.get("/api/v2/pages/").status_code == 404


def test_a_redis_that_hangs_holds_up_one_request_not_every_one(alpha_client, redis_server, monkeypatch):
    """Stopped (SIGSTOP), Redis accepts connections and never answers: each call gives up after
    ``TIMEOUTS``, and the process then leaves Redis alone for ``RETRY_SECONDS``."""
    home, _ = answer(alpha_client)
    monkeypatch.setattr(cache_outage, "RETRY_SECONDS", 60)
    redis_server.process.send_signal(signal.SIGSTOP)
    try:
        started = time.monotonic()
        assert answer(alpha_client)[0] == home
        assert answer(alpha_client, "/api/v2/pages/")[1] > 0
        assert time.monotonic() - started < 3 * cache_outage.TIMEOUTS["socket_timeout"]
    finally:
        redis_server.process.send_signal(signal.SIGCONT)


def test_the_contact_form_takes_messages_while_redis_is_away(alpha, redis_server):
    """Its rate limits count in the cache: without it they let posts through (RATELIMIT_FAIL_OPEN)
    rather than refuse every visitor; the honeypot and the size limits still apply."""
    redis_server.stop()
    post = RequestFactory().post("/contact/", {"nom": "Camille"}, REMOTE_ADDR="192.0.2.1")
    with alpha.context():
        assert contact_post_refusal(post) is None
        assert contact_post_refusal(RequestFactory().post("/contact/", {"site_web": "x"})).status == 400
