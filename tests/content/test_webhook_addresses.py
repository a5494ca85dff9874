"""Webhooks reach public servers only: never the machine itself, its cloud metadata or a private network.

Real HTTP listeners run in threads on 127.0.0.1, 127.0.0.2 and ::1 and count
every connection they accept: a refused webhook must leave them at zero, not
merely fail. ``CPTS_WEBHOOK_ALLOWED_NETWORKS`` is empty unless a test opens
one address for itself (pytest-django's ``settings`` fixture), so the refusal
is what the other tests meet. Names are resolved by a stand-in for
``socket.getaddrinfo`` where a test needs a name to lead somewhere: no test
leaves the machine.
"""

import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from content.models import WebhookDelivery, WebhookEndpoint
from content.webhook_addresses import CONNECTION_FAILED, REFUSED, http_failure
from content.webhooks import webhook_deliveries_send
from tests.conftest import login


class Listener(ThreadingHTTPServer):
    def __init__(self, host: str):
        self.address_family = socket.AF_INET6 if ":" in host else socket.AF_INET
        self.connections = 0
        self.received: list[dict] = []
        # (status, headers) answered in turn, then 204.
        self.answers: list[tuple[int, dict[str, str]]] = []
        super().__init__((host, 0), Handler)

    def process_request(self, request, client_address):
        self.connections += 1
        super().process_request(request, client_address)

    @property
    def port(self) -> int:
        return self.server_address[1]


class Handler(BaseHTTPRequestHandler):
    def _answer(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        headers = {name.lower(): value for name, value in self.headers.items()}
        self.server.received.append(
            {"method": self.command, "path": self.path, "headers": headers, "body": body}
        )
        status, extra = self.server.answers.pop(0) if self.server.answers else (204, {})
        self.send_response(status)
        for name, value in extra.items():
            self.send_header(name, value)
        self.send_header("Content-Length", "0")
        self.end_headers()

    do_POST = do_GET = _answer  # noqa: N815 - http.server's names

    def log_message(self, *args):
        pass


def _serve(host: str):
    server = Listener(host)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture
def listener():
    yield from _serve("127.0.0.1")


@pytest.fixture
def listener6():
    yield from _serve("::1")


@pytest.fixture
def internal():
    """A second loopback address, left out of the tests' allowance: the "internal service"."""
    yield from _serve("127.0.0.2")


def resolving(monkeypatch, names: dict[str, list[list[str]]]) -> None:
    """Make ``socket.getaddrinfo`` answer ``names``: one list of addresses per call, the last one repeated."""
    real = socket.getaddrinfo
    calls: dict[str, int] = {}

    def getaddrinfo(host, port, *args, **kwargs):
        if host not in names:
            return real(host, port, *args, **kwargs)
        answers = names[host]
        addresses = answers[min(calls.get(host, 0), len(answers) - 1)]
        calls[host] = calls.get(host, 0) + 1
        return [
            (socket.AF_INET6 if ":" in a else socket.AF_INET, socket.SOCK_STREAM, 6, "", (a, int(port)))
            for a in addresses
        ]

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)


def deliver(url: str) -> WebhookDelivery:
    """One due delivery to ``url``, sent now (in the active CPTS's schema); the row as logged."""
    endpoint = WebhookEndpoint.objects.create(name="Front", url=url)
    delivery = WebhookDelivery.objects.create(
        endpoint=endpoint,
        event="page.published",
        payload={"event": "page.published"},
        next_attempt_at=timezone.now(),
    )
    webhook_deliveries_send(timeout=1)
    delivery.refresh_from_db()
    return delivery


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:{port}/hooks",
        "https://127.0.0.1:{port}/hooks",
        "http://localhost:{port}/hooks",
        "http://0.0.0.0:{port}/hooks",
        "http://[::ffff:127.0.0.1]:{port}/hooks",
        "http://2130706433:{port}/hooks",  # 127.0.0.1 written as one number
        "http://[::1]:{port6}/hooks",
        "http://front.example.org:{port}/hooks",  # a public-looking name that resolves to the loopback
        "http://mixed.example.org:{port}/hooks",  # one loopback address among public ones
    ],
)
def test_the_machine_itself_receives_nothing(alpha, listener, listener6, monkeypatch, url):
    resolving(
        monkeypatch,
        {"front.example.org": [["127.0.0.1"]], "mixed.example.org": [["127.0.0.1", "192.0.43.10"]]},
    )
    with alpha.context():
        delivery = deliver(url.format(port=listener.port, port6=listener6.port))
    assert (listener.connections, listener6.connections) == (0, 0)
    assert (delivery.delivered_at, delivery.last_status, delivery.last_error) == (None, None, REFUSED)
    assert delivery.attempts == 1  # refused like any failure: retried later, in case the name changes


@pytest.mark.parametrize(
    "url",
    [
        "http://169.254.169.254/latest/meta-data/",  # the cloud's metadata service
        "http://10.0.0.1/hooks",
        "http://[fe80::1]/hooks",
        "http://224.0.0.1/hooks",
        "ftp://front.example.org/hooks",
    ],
)
def test_private_link_local_and_other_schemes_are_refused_without_a_connection(alpha, monkeypatch, url):
    tried = []
    monkeypatch.setattr(socket.socket, "connect", lambda self, address: tried.append(address), raising=False)
    with alpha.context():
        delivery = deliver(url)
    assert tried == []
    assert (delivery.delivered_at, delivery.last_status, delivery.last_error) == (None, None, REFUSED)


def test_a_redirect_is_not_followed(alpha, listener, internal, settings):
    settings.CPTS_WEBHOOK_ALLOWED_NETWORKS = ["127.0.0.1/32"]
    listener.answers = [(302, {"Location": f"http://127.0.0.2:{internal.port}/admin"})]
    with alpha.context():
        delivery = deliver(f"http://127.0.0.1:{listener.port}/hooks")
    assert [r["method"] for r in listener.received] == ["POST"]
    assert internal.connections == 0
    assert (delivery.delivered_at, delivery.last_status) == (None, 302)
    assert delivery.last_error == http_failure(302)
    assert delivery.last_error == "Échec de la livraison (HTTP 302, redirection non suivie)"


def test_the_address_checked_is_the_address_connected_to(alpha, listener, internal, monkeypatch, settings):
    # DNS rebinding: the name answers an allowed address first, an internal one to any later question.
    settings.CPTS_WEBHOOK_ALLOWED_NETWORKS = ["127.0.0.1/32"]
    resolving(monkeypatch, {"front.example.org": [["127.0.0.1"], ["127.0.0.2"]]})
    with alpha.context():
        delivery = deliver(f"http://front.example.org:{listener.port}/hooks")
    assert delivery.delivered_at is not None and delivery.last_status == 204
    assert internal.connections == 0
    # The server still hears the name the administrator typed.
    assert listener.received[0]["headers"]["host"] == f"front.example.org:{listener.port}"


def test_the_log_says_what_failed_in_generic_words(alpha, listener, settings):
    settings.CPTS_WEBHOOK_ALLOWED_NETWORKS = ["127.0.0.1/32"]
    closed = socket.socket()
    closed.bind(("127.0.0.1", 0))
    closed_port = closed.getsockname()[1]
    closed.close()  # nothing listens there any more: the connection is refused
    listener.answers = [(502, {})]
    with alpha.context():
        refused = deliver(f"http://127.0.0.1:{closed_port}/hooks")
        answered = deliver(f"http://127.0.0.1:{listener.port}/hooks")
    assert (refused.last_status, refused.last_error) == (None, CONNECTION_FAILED)
    assert (answered.last_status, answered.last_error) == (502, "Échec de la livraison (HTTP 502)")
    for text in (refused.last_error, answered.last_error):
        assert "Errno" not in text and "refused" not in text.lower() and str(closed_port) not in text


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("ftp://front.example.org/hooks", "seules les adresses en http:// ou https://"),
        ("http://127.0.0.1:8000/hooks", "n'est pas publique"),
        ("http://[::1]/hooks", "n'est pas publique"),
        ("http://0.0.0.0/hooks", "n'est pas publique"),
        ("http://[::ffff:127.0.0.1]/hooks", "n'est pas publique"),
        ("http://169.254.169.254/latest/meta-data/", "n'est pas publique"),
        ("http://10.0.0.1/hooks", "n'est pas publique"),
        ("http://localhost:3000/hooks", "« localhost » ne désigne pas un serveur public"),
        ("http://front.localhost/hooks", "ne désigne pas un serveur public"),
    ],
)
def test_the_form_refuses_internal_addresses_in_french(alpha, url, message):
    with alpha.context(), pytest.raises(ValidationError) as refused:
        WebhookEndpoint(name="Front", url=url).full_clean()
    assert message in " ".join(refused.value.message_dict["url"])


def test_the_form_accepts_public_addresses_and_the_allowed_networks(alpha, settings):
    with alpha.context():
        WebhookEndpoint(name="Front", url="https://front.example.org/api/revalidate").full_clean()
        WebhookEndpoint(name="Front", url="http://192.0.43.10:8080/hooks").full_clean()
        settings.CPTS_WEBHOOK_ALLOWED_NETWORKS = ["10.20.0.0/16"]
        WebhookEndpoint(name="Front", url="http://10.20.3.4/hooks").full_clean()
        with pytest.raises(ValidationError):
            WebhookEndpoint(name="Front", url="http://10.21.0.1/hooks").full_clean()


def test_the_admin_form_shows_the_refusal(alpha, alpha_client):
    login(alpha_client, alpha)
    response = alpha_client.post(
        "/admin/content/webhookendpoint/create/",
        {
            "name": "Front",
            "url": "ftp://front.example.org/hooks",
            "secret": "s" * 64,
            "events": "",
            "active": "on",
        },
    )
    assert response.status_code == 200
    assert "seules les adresses en http:// ou https:// sont acceptées" in response.content.decode()
    with alpha.context():
        assert not WebhookEndpoint.objects.exists()
