"""Webhooks: a page event becomes a signed POST to each endpoint of the CPTS, later and with retries.

The editor's save only writes a ``WebhookDelivery`` row in the same
transaction (rolled back with it). With a task worker (production), a task
enqueued when that transaction commits posts it within a second; the periodic
jobs (``manage.py periodic_jobs``, every minute) post what is due in each
CPTS's schema: the retries, and every delivery when tasks run at once.
A failure is retried with a doubling delay (30 s, 1 min, 2 min … capped at
an hour) up to ``MAX_ATTEMPTS``; every delivery stays in the log, and
``webhook_delivery_replay`` sends one again. A payload only ever holds the
page of the schema it was written in. Where a delivery may go (public http(s)
servers, no redirect, generic log texts, ``CPTS_WEBHOOK_ALLOWED_NETWORKS``)
is ``content.webhook_addresses``' business.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db import transaction
from django.utils import timezone
from django_tasks import task
from django_tasks.backends.immediate import ImmediateBackend
from wagtail.models import Page

from tenants.selectors import active_cpts

from .models.webhooks import WebhookDelivery, WebhookEndpoint
from .webhook_addresses import webhook_post

MAX_ATTEMPTS = 8
FIRST_DELAY = timedelta(seconds=30)
LONGEST_DELAY = timedelta(hours=1)
SIGNATURE_HEADER = "X-CPTS-Signature"


def signature(secret: str, body: bytes) -> str:
    """``sha256=<hex>``: HMAC-SHA256 of the raw body with the endpoint's secret."""
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def webhook_event_record(*, event: str, page: Page) -> int:
    """A delivery per endpoint that wants ``event``; returns how many (the CPTS's schema active)."""
    endpoints = [e for e in WebhookEndpoint.objects.filter(active=True) if e.wants(event)]
    if not endpoints:
        return 0
    cpts = active_cpts()
    payload = {
        "event": event,
        "cpts": cpts.short_name,
        "occurred_at": timezone.now().isoformat(),
        "page": {
            "id": page.pk,
            "type": page.specific_class._meta.label if page.specific_class else "wagtailcore.Page",
            "title": page.title,
            "url_path": page.url_path,
            "live": page.live,
        },
    }
    now = timezone.now()
    WebhookDelivery.objects.bulk_create(
        [WebhookDelivery(endpoint=e, event=event, payload=payload, next_attempt_at=now) for e in endpoints]
    )
    if webhooks_send_queued():
        # A worker posts them as soon as the editor's write commits (tenants.tasks keeps the schema).
        transaction.on_commit(webhooks_send_due.enqueue)
    return len(endpoints)


def webhooks_send_queued() -> bool:
    """Whether deliveries go to the task worker; otherwise ``send_webhooks`` posts them (demo, tests).

    Run at once, the post would hold the editor's request for as long as the
    receiver takes to answer.
    """
    return not isinstance(webhooks_send_due.get_backend(), ImmediateBackend)


@dataclass
class SendReport:
    delivered: int = 0
    failed: int = 0


def webhook_deliveries_send(
    *, now: datetime | None = None, timeout: float = 5.0, limit: int = 200
) -> SendReport:
    """Post the due deliveries of the active schema once each; reschedule the failures.

    One delivery per transaction: its row is locked (``SKIP LOCKED``: two senders
    never post the same one) while it is posted, and marked delivered when it
    commits. A sender killed mid-post leaves that one delivery due, to be posted
    again: a receiver sees a delivery at least once, and recognises a repeat by
    its ``X-CPTS-Delivery`` header; every other delivery is posted exactly once.
    """
    now = now or timezone.now()
    report = SendReport()
    for _ in range(limit):
        with transaction.atomic():
            delivery = (
                WebhookDelivery.objects.select_related("endpoint")
                .select_for_update(skip_locked=True, of=("self",))
                .filter(delivered_at__isnull=True, next_attempt_at__lte=now, attempts__lt=MAX_ATTEMPTS)
                .order_by("next_attempt_at", "pk")
                .first()
            )
            if delivery is None:
                break
            if _send(delivery, timeout=timeout):
                delivery.delivered_at = timezone.now()
                report.delivered += 1
            else:
                delay = min(FIRST_DELAY * 2**delivery.attempts, LONGEST_DELAY)
                delivery.next_attempt_at = now + delay
                report.failed += 1
            delivery.attempts += 1
            delivery.save()
    return report


@task()
def webhooks_send_due() -> dict[str, int]:
    """Post the due deliveries of the schema this task runs in (enqueued by ``webhook_event_record``)."""
    report = webhook_deliveries_send()
    return {"delivered": report.delivered, "failed": report.failed}


def _send(delivery: WebhookDelivery, *, timeout: float) -> bool:
    body = json.dumps(delivery.payload, ensure_ascii=False, separators=(",", ":")).encode()
    outcome = webhook_post(
        delivery.endpoint.url,
        body=body,
        headers={
            "Content-Type": "application/json",
            "User-Agent": "cpts-network-webhooks",
            "X-CPTS-Event": delivery.event,
            "X-CPTS-Delivery": str(delivery.pk),
            SIGNATURE_HEADER: signature(delivery.endpoint.secret, body),
        },
        timeout=timeout,
    )
    delivery.last_status, delivery.last_error = outcome.status, outcome.error
    return outcome.delivered


def webhook_delivery_replay(*, delivery: WebhookDelivery) -> None:
    """Send a delivery again at the next run, whatever became of it."""
    delivery.delivered_at = None
    delivery.attempts = 0
    delivery.next_attempt_at = timezone.now()
    delivery.save(update_fields=["delivered_at", "attempts", "next_attempt_at"])
