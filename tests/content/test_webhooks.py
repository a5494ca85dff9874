"""Webhooks: a page event reaches the CPTS's front end, signed, retried, logged, never another's.

A real HTTP server runs in a thread of the test and answers what the test
queues (500 first, then 204); it records each request's headers and body.
It listens on 127.0.0.1, which webhooks may not reach by default: these tests
open that one address (``CPTS_WEBHOOK_ALLOWED_NETWORKS``), and
test_webhook_addresses.py checks the refusal everywhere else.
"""

import hashlib
import hmac
import json
import threading
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.core.management import call_command
from django.utils import timezone

from content.models import HomePage, WebhookDelivery, WebhookEndpoint
from content.services import standard_page_publish
from content.webhook_addresses import CONNECTION_FAILED
from content.webhooks import MAX_ATTEMPTS, webhook_deliveries_send


class Receiver(ThreadingHTTPServer):
    def __init__(self):
        self.received: list[dict] = []
        self.answers: list[int] = []
        super().__init__(("127.0.0.1", 0), Handler)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/hooks"


class Handler(BaseHTTPRequestHandler):
    def do_POST(self):  # noqa: N802 - http.server's name
        body = self.rfile.read(int(self.headers["Content-Length"]))
        headers = {name.lower(): value for name, value in self.headers.items()}
        self.server.received.append({"path": self.path, "headers": headers, "body": body})
        self.send_response(self.server.answers.pop(0) if self.server.answers else 204)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def loopback_allowed(settings):
    settings.CPTS_WEBHOOK_ALLOWED_NETWORKS = ["127.0.0.1/32"]


@pytest.fixture
def receiver(loopback_allowed):
    server = Receiver()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


def test_a_publish_is_posted_signed_to_the_cpts_endpoint_only_later_and_retried(alpha, beta, receiver):
    with alpha.context():
        endpoint = WebhookEndpoint.objects.create(name="Next.js", url=receiver.url)
    with beta.context():
        WebhookEndpoint.objects.create(name="Beta", url=receiver.url + "/beta")

    with alpha.context():
        page = standard_page_publish(parent=HomePage.objects.get(), title="Actualité", body="<p>x</p>")
        # The editor's save only wrote the delivery: nothing was posted yet.
        assert receiver.received == []
        delivery = WebhookDelivery.objects.get(event="page.published")

        receiver.answers = [500]
        assert webhook_deliveries_send().failed == 1
        delivery.refresh_from_db()
        assert (delivery.attempts, delivery.last_status, delivery.delivered_at) == (1, 500, None)
        assert delivery.next_attempt_at > timezone.now() + timedelta(seconds=20)
        assert webhook_deliveries_send().delivered == 0  # not due yet

        report = webhook_deliveries_send(now=delivery.next_attempt_at)
        assert report.delivered == 1
        delivery.refresh_from_db()
        assert delivery.delivered_at is not None and delivery.last_status == 204

    assert len(receiver.received) == 2
    sent = receiver.received[-1]
    expected = "sha256=" + hmac.new(endpoint.secret.encode(), sent["body"], hashlib.sha256).hexdigest()
    assert sent["headers"]["x-cpts-signature"] == expected
    assert sent["headers"]["x-cpts-event"] == "page.published"
    payload = json.loads(sent["body"])
    assert payload["cpts"] == "alpha" and payload["page"]["id"] == page.pk
    assert payload["page"]["url_path"].endswith("/actualite/")
    # Beta's endpoint heard nothing of Alpha's page.
    assert {r["path"] for r in receiver.received} == {"/hooks"}
    with beta.context():
        assert not WebhookDelivery.objects.exists()


def test_unpublish_move_and_delete_are_events_and_a_delivery_can_be_replayed(alpha, receiver):
    with alpha.context():
        WebhookEndpoint.objects.create(
            name="Front", url=receiver.url, events=["page.unpublished", "page.deleted"]
        )
        home = HomePage.objects.get()
        page = standard_page_publish(parent=home, title="Éphémère", body="<p>x</p>")
        page.unpublish()
        page.delete()
        assert list(WebhookDelivery.objects.order_by("pk").values_list("event", flat=True)) == [
            "page.unpublished",
            "page.deleted",
        ]
    call_command("send_webhooks", "--cpts", "alpha")
    assert [json.loads(r["body"])["event"] for r in receiver.received] == ["page.unpublished", "page.deleted"]

    with alpha.context():
        first = WebhookDelivery.objects.order_by("pk").first()
    call_command("send_webhooks", "--cpts", "alpha", "--replay", str(first.pk))
    assert len(receiver.received) == 3
    assert receiver.received[-1]["headers"]["x-cpts-delivery"] == str(first.pk)


def test_an_unreachable_endpoint_is_retried_with_growing_delays_then_given_up(alpha, loopback_allowed):
    with alpha.context():
        WebhookEndpoint.objects.create(name="Éteint", url="http://127.0.0.1:9/hooks")
        standard_page_publish(parent=HomePage.objects.get(), title="Page", body="<p>x</p>")
        delivery = WebhookDelivery.objects.get()
        delays = []
        for _attempt in range(MAX_ATTEMPTS + 1):
            before = delivery.next_attempt_at
            webhook_deliveries_send(now=before, timeout=1)
            delivery.refresh_from_db()
            delays.append(delivery.next_attempt_at - before)
        assert delivery.attempts == MAX_ATTEMPTS and delivery.delivered_at is None
        assert delivery.last_error == CONNECTION_FAILED
        assert delays[0] == timedelta(seconds=30) and delays[1] == timedelta(minutes=1)
        assert delays[-1] == timedelta(0)  # given up: no more attempts
