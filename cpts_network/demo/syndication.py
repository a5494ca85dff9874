"""The demo's network news: the federation's own posts (visibly fictitious) and a few subscriptions."""

from __future__ import annotations

from datetime import datetime, time, timedelta

from django.conf import settings
from django.utils import timezone
from django_tenants.utils import schema_context

from syndication.models import NetworkPost
from syndication.republish import republications_sync, subscription_add
from syndication.rich_text import travelling_rich_text
from tenants.models import CPTS
from tenants.services import public_url

FEDERATION_NAME = "Fédération de démonstration"


def demo_federation_posts_load(*, posts: list[dict]) -> int:
    """The federation's posts, dated from today; a post already there (same title) is left as it is."""
    created = 0
    now = timezone.now()
    today = timezone.localdate()
    for item in posts:
        if NetworkPost.objects.filter(cpts__isnull=True, title=item["title"]).exists():
            continue
        day = today + timedelta(days=item["in_days"])
        fields = {
            "kind": item["kind"],
            "title": item["title"],
            "theme": item["theme"],
            "summary": item["summary"],
            "body": travelling_rich_text(item["body"]),
            "published_by": FEDERATION_NAME,
            "date": day,
            "first_published_at": now,
            "last_published_at": now,
        }
        if item["kind"] == NetworkPost.Kind.EVENT:
            tz = timezone.get_current_timezone()
            first, last = item["hours"]
            fields |= {
                "start": datetime.combine(day, time(first), tzinfo=tz),
                "end": datetime.combine(day, time(last), tzinfo=tz),
                "place": item.get("place", ""),
            }
        post = NetworkPost.objects.create(**fields)
        post.url = public_url(settings.FEDERATION_HOSTS[0], f"/reseau/{post.pk}/")
        post.save(update_fields=["url"])
        created += 1
    return created


def demo_subscriptions_load(*, subscriptions: list[dict]) -> int:
    """Each subscription of the fixture, then each subscriber brought in step; returns pages taken."""
    by_name = {cpts.short_name: cpts for cpts in CPTS.objects.all()}
    subscribers = set()
    for item in subscriptions:
        subscriber = by_name.get(item["subscriber"])
        if subscriber is None:
            continue
        subscription_add(
            cpts=subscriber,
            source=item["source"],
            source_cpts=by_name.get(item.get("source_cpts", "")),
            theme=item.get("theme", ""),
            automatic=item["automatic"],
        )
        subscribers.add(subscriber)
    taken = 0
    for subscriber in subscribers:
        with schema_context(subscriber.schema_name):
            taken += republications_sync(subscriber).republished
    return taken
