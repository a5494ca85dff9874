"""Receivers: interfaces that hand lifecycle events to services."""

from django.db.models.signals import post_delete
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

from .models.webhooks import PageEvent
from .services import site_provision
from .services.identity import legal_pages_provision
from .webhooks import webhook_event_record


def provision_site(sender, tenant, **kwargs) -> None:
    """A new CPTS schema gets its home page and Site (sent inside that schema)."""
    site_provision(name=tenant.name, hostname=tenant.primary_host or tenant.domains.first().domain)
    legal_pages_provision(cpts=tenant)


def page_event(event: str):
    """A receiver that records ``event`` for the page it is sent (content.webhooks)."""

    def record(sender, instance, **kwargs) -> None:
        webhook_event_record(event=event, page=instance)

    return record


def connect_webhooks() -> None:
    # weak=False: the receivers are closures, kept by the signals themselves.
    receivers = [
        (page_published, PageEvent.PUBLISHED, None),
        (page_unpublished, PageEvent.UNPUBLISHED, None),
        (post_page_move, PageEvent.MOVED, None),
        # The base row goes once per page (a subclass's row would send it twice).
        (post_delete, PageEvent.DELETED, Page),
    ]
    for signal, event, sender in receivers:
        signal.connect(page_event(event), sender=sender, weak=False, dispatch_uid=f"content.webhooks.{event}")
