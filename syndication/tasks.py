"""Background work of syndication: a withdrawal reaches the subscribers' sites without waiting.

Needs ``republish`` (the subscriber's sync) and the CPTS registry; offers the task
``republications_follow_withdrawal``, enqueued by ``services.network_post_withdraw``.
"""

from __future__ import annotations

from django_tasks import task
from django_tenants.utils import schema_context

from tenants.models import CPTS

from .republish import republications_sync


@task()
def republications_follow_withdrawal(subscriber_ids: list[int]) -> dict[str, int]:
    """The sites that took a post its source withdrew (unpublished, deleted, made private) take it down now.

    The periodic sync (``sync_network_posts``) would do it within minutes, or never where no
    scheduler runs; a page its author withdrew must not stay public elsewhere meanwhile. A
    worker's job, like that command: each subscriber's schema is entered in turn here, never
    in a request (with the immediate backend of the demo and the tests, on the source's commit).
    """
    taken_down = 0
    for subscriber in CPTS.objects.filter(pk__in=subscriber_ids).order_by("pk"):
        with schema_context(subscriber.schema_name):
            taken_down += republications_sync(subscriber).taken_down
    return {"taken_down": taken_down}
