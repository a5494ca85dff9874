"""The product run as an operator runs it: production settings, gunicorn, the task worker, Redis.

Not part of ``make test`` (marker ``operator``): ``make test-operator`` and
``.ci/run`` run it, in a virtualenv built from the lock file *without* the
embedded-PostgreSQL package, against the PostgreSQL server on 127.0.0.1:5432
(``OPERATOR_DATABASE_SERVER`` to change it) and a Redis server the test starts.
CPTS are created with whatever ``pg_dump`` the machine has, or none.

One scenario over HTTP, each step what a person or a machine sees: a CPTS
created from the command line, its coordinator signing in, a webhook and a
page published through its admin, the page on its host, the CPTS in the
network's directory, the webhook delivered by the worker, French error pages
under the Content-Security-Policy, static files cached for a year; then Redis
stopped and started again, and the worker killed during a delivery.
"""

from __future__ import annotations

import http.client
import json
import os
import re
import secrets
import signal
import subprocess
import sys
import threading
import time
from http.cookies import SimpleCookie
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlencode

import psycopg
import pytest

from tests.live_server import free_port

pytestmark = pytest.mark.operator

ROOT = Path(__file__).resolve().parents[2]
SERVER = os.environ.get("OPERATOR_DATABASE_SERVER", "postgresql://postgres@127.0.0.1:5432")
HOST = "operateur.localhost"
PASSWORD = "Un-mot-de-passe-operateur-2026"


class Receiver(BaseHTTPRequestHandler):
    """A front end's webhook receiver on 127.0.0.1; ``hold`` seconds before it answers."""

    received: list[dict] = []
    hold = 0.0

    def do_POST(self):  # noqa: N802 - http.server's name
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        type(self).received.append(
            {"delivery": self.headers["X-CPTS-Delivery"], "at": time.monotonic(), **body}
        )
        time.sleep(type(self).hold)
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args):
        pass


def _wait_for(condition, seconds: float, what: str):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if result := condition():
            return result
        time.sleep(0.1)
    raise AssertionError(f"après {seconds} s : {what}")


class Browser:
    """Cookies and CSRF as a browser keeps them, for one host, over plain HTTP to gunicorn."""

    def __init__(self, port: int, host: str):
        self.port, self.host, self.cookies = port, host, SimpleCookie()

    def request(self, method: str, path: str, form: dict | None = None, headers: dict | None = None):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        sent = {"Host": self.host, **(headers or {})}
        if self.cookies:
            sent["Cookie"] = "; ".join(f"{k}={v.value}" for k, v in self.cookies.items())
        body = None
        if form is not None:
            body = urlencode(form, doseq=True)
            sent |= {
                "Content-Type": "application/x-www-form-urlencoded",
                "Referer": f"http://{self.host}{path}",
            }
        connection.request(method, path, body=body, headers=sent)
        response = connection.getresponse()
        for header in response.headers.get_all("Set-Cookie") or []:
            self.cookies.load(header)
        text = response.read().decode(errors="replace")
        connection.close()
        return response, text

    def form_post(self, path: str, fields: dict) -> http.client.HTTPResponse:
        """GET the form, keep its hidden inputs (CSRF, formsets' counts), POST it with ``fields``."""
        _, page = self.request("GET", path)
        hidden = dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', page))
        response, text = self.request("POST", path, {**hidden, **fields})
        assert response.status == 302, (path, response.status, re.findall(r"error[^>]*>([^<]+)", text)[:5])
        return response, text


@pytest.fixture(scope="module")
def install(tmp_path_factory):
    """A fresh database, Redis, migrations, reference data, one CPTS, static files: what an operator runs."""
    name = f"cpts_operator_{os.getpid()}"
    with psycopg.connect(f"{SERVER}/postgres", autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    redis_port = free_port()
    # Bounded, with eviction, as deploy/README.md sets it up (check --deploy asks for it).
    redis = subprocess.Popen(  # noqa: S603 - a Redis of the test's own
        ["redis-server", "--port", str(redis_port), "--save", "", "--appendonly", "no",  # noqa: S607
         "--maxmemory", "256mb", "--maxmemory-policy", "allkeys-lru"],
        stdout=subprocess.DEVNULL,
    )
    tmp = tmp_path_factory.mktemp("operator")
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_", "REDIS_"))},
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": ".localhost,localhost",
        "PUBLIC_SCHEME": "http",
        "DATABASE_URL": f"{SERVER}/{name}",
        "REDIS_URL": f"redis://127.0.0.1:{redis_port}/0",
        "MEDIA_ROOT": str(tmp / "media"),
        "CPTS_ARCHIVE_DIR": str(tmp / "archives"),
        "CPTS_WEBHOOK_ALLOWED_NETWORKS": "127.0.0.0/8",
    }

    def manage(*args: str, timeout: int = 600, **overrides: str) -> str:
        done = subprocess.run(  # noqa: S603 - the project's own manage.py
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env={**env, **overrides},
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )
        assert done.returncode == 0, f"{args}\n{done.stdout[-2000:]}\n{done.stderr[-4000:]}"
        return done.stdout

    try:
        # Served over plain HTTP here, behind TLS in a real deployment: the checklist as it would run there.
        manage("check", "--deploy", "--fail-level", "WARNING", PUBLIC_SCHEME="https")
        manage("migrate_schemas", "--noinput", "-v", "0")
        manage("load_reference_data")
        manage("collectstatic", "--noinput", "-v", "0")
        manage(
            "create_cpts",
            "operateur",
            "--name",
            "CPTS fictive de l'opérateur",
            "--region",
            "44",
            "--department",
            "57",
            "--coordinator-email",
            "coordination@operateur.test",
            "--coordinator-password",
            PASSWORD,
        )
        yield {"env": env, "manage": manage, "redis_port": redis_port, "redis": redis, "database": name}
    finally:
        redis.kill()
        with psycopg.connect(f"{SERVER}/postgres", autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _start(install, *command: str) -> subprocess.Popen:
    return subprocess.Popen(  # noqa: S603 - the project's own processes
        [sys.executable, *command],
        cwd=ROOT,
        env=install["env"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


@pytest.fixture(scope="module")
def running(install):
    port = free_port()
    web = _start(
        install, "-m", "gunicorn", "config.wsgi:application", "--workers", "2", "--bind", f"127.0.0.1:{port}"
    )
    worker = {"process": _start(install, "manage.py", "task_worker", "--interval", "0.2")}
    _wait_for(lambda: _reachable(port), 60, "gunicorn ne répond pas")
    receiver = ThreadingHTTPServer(("127.0.0.1", 0), Receiver)
    threading.Thread(target=receiver.serve_forever, daemon=True).start()
    yield {"port": port, "worker": worker, "hook": f"http://127.0.0.1:{receiver.server_port}/hook", **install}
    receiver.shutdown()
    worker["process"].kill()
    web.terminate()
    web.wait(30)


def _reachable(port: int) -> bool:
    try:
        http.client.HTTPConnection("127.0.0.1", port, timeout=2).request("GET", "/")
        return True
    except OSError:
        return False


def _publish(admin: Browser, title: str) -> None:
    _, pages = admin.request("GET", "/api/v2/pages/?type=content.HomePage")
    home_id = json.loads(pages)["items"][0]["id"]
    admin.form_post(
        f"/admin/pages/add/content/standardpage/{home_id}/",
        {
            "title": title,
            "slug": re.sub(r"\W+", "-", title.lower()).strip("-"),
            "introduction": "",
            "body-count": "0",
            "action-publish": "action-publish",
        },
    )


def test_an_operator_s_install_serves_publishes_and_delivers(running):
    port = running["port"]
    visitor = Browser(port, HOST)
    home, _ = visitor.request("GET", "/")
    assert home.status == 200

    admin = Browser(port, HOST)
    admin.request("GET", "/admin/login/")
    signed_in, _ = admin.request(
        "POST",
        "/admin/login/",
        {
            "username": "coordination@operateur.test",
            "password": PASSWORD,
            "csrfmiddlewaretoken": admin.cookies["csrftoken"].value,
        },
    )
    assert signed_in.status == 302, "la coordinatrice ne peut pas se connecter"
    admin.form_post(
        "/admin/content/webhookendpoint/create/",
        {
            "name": "Front-end",
            "url": running["hook"],
            "events": "page.published",
            "active": "on",
            "secret": secrets.token_hex(32),
        },
    )

    started = time.monotonic()
    _publish(admin, "Permanence des soins")
    delivered = _wait_for(
        lambda: [r for r in Receiver.received if r["page"]["title"] == "Permanence des soins"],
        10,
        "le worker n'a pas livré le webhook",
    )
    assert delivered[0]["cpts"] == "operateur" and delivered[0]["at"] - started < 5

    page, text = visitor.request("GET", "/permanence-des-soins/")
    assert page.status == 200 and "Permanence des soins" in text
    directory, listing = Browser(port, "localhost").request("GET", "/api/network/cpts/")
    assert directory.status == 200 and "operateur" in listing

    missing, text = visitor.request("GET", "/absente/")
    assert missing.status == 404 and "Page introuvable" in text
    assert "script-src 'self'" in missing.headers["Content-Security-Policy"]
    unknown, _ = Browser(port, "inconnue.localhost").request("GET", "/")
    assert unknown.status == 404 and "script-src 'self'" in unknown.headers["Content-Security-Policy"]

    css = re.search(r'href="(/static/[^"]+\.css)"', text).group(1)
    static, _ = visitor.request("GET", css)
    assert static.status == 200 and "max-age=315360000" in static.headers["Cache-Control"]


def test_redis_stopped_and_started_again_costs_no_answer(running):
    port = running["port"]
    visitor = Browser(port, HOST)
    assert visitor.request("GET", "/")[0].status == 200
    running["redis"].send_signal(signal.SIGSTOP)  # a Redis that stops answering, then comes back
    try:
        for path in ("/", "/api/v2/pages/", "/admin/login/"):
            assert visitor.request("GET", path)[0].status < 500, path
    finally:
        running["redis"].send_signal(signal.SIGCONT)
    assert visitor.request("GET", "/")[0].status == 200


def test_a_worker_killed_during_a_delivery_loses_nothing(running):
    port = running["port"]
    admin = Browser(port, HOST)
    admin.request("GET", "/admin/login/")
    admin.request(
        "POST",
        "/admin/login/",
        {
            "username": "coordination@operateur.test",
            "password": PASSWORD,
            "csrfmiddlewaretoken": admin.cookies["csrftoken"].value,
        },
    )
    Receiver.hold = 3.0
    try:
        _publish(admin, "Vaccination antigrippale")
        _wait_for(
            lambda: any(r["page"]["title"] == "Vaccination antigrippale" for r in Receiver.received),
            10,
            "le worker n'a pas commencé la livraison",
        )
        running["worker"]["process"].kill()  # mid-delivery: the receiver has not answered yet
    finally:
        Receiver.hold = 0.0
    running["worker"]["process"] = _start(running, "manage.py", "task_worker", "--interval", "0.2")
    # The cut delivery is still due: the next periodic run posts it again, and only it.
    out = running["manage"]("periodic_jobs", "--job", "webhooks", "--force")
    assert "1 webhook(s) livré(s), 0 en échec" in out, out
    copies = [r for r in Receiver.received if r["page"]["title"] == "Vaccination antigrippale"]
    # At least once: the cut post and its repeat, which carries the same delivery id for the
    # receiver to recognise; nothing else was posted twice.
    assert len(copies) == 2 and len({r["delivery"] for r in copies}) == 1
    assert len({r["delivery"] for r in Receiver.received}) == len(Receiver.received) - 1
