"""Reads of the network's posts: the agenda and the news, one query each, never a CPTS schema visited."""

from __future__ import annotations

import datetime
import math
from dataclasses import dataclass

from django.db.models import Count, Max, QuerySet
from django.utils import timezone

from .models import NetworkPost

PAGE_SIZE = 20
PAGE_SIZE_MAX = 100
# The iCalendar feed: what a calendar application keeps in step, not the archive.
FEED_MAX = 500


@dataclass
class PostResults:
    count: int
    page: int
    page_size: int
    posts: list[NetworkPost]

    @property
    def pages(self) -> int:
        return max(1, math.ceil(self.count / self.page_size))


def _filtered(
    posts: QuerySet[NetworkPost],
    *,
    region: str | None = None,
    department: str | None = None,
    theme: str | None = None,
    cpts: str | None = None,
) -> QuerySet[NetworkPost]:
    if region:
        posts = posts.filter(region_code=region)
    if department:
        posts = posts.filter(department_code=department)
    if theme:
        posts = posts.filter(theme=theme)
    if cpts == "federation":
        posts = posts.filter(cpts__isnull=True)
    elif cpts:
        posts = posts.filter(cpts__short_name=cpts)
    # Listings and feeds show the summary: the body is read only by a post's own page.
    return posts.defer("body")


def agenda_events(
    *,
    start: datetime.date | None = None,
    end: datetime.date | None = None,
    region: str | None = None,
    department: str | None = None,
    theme: str | None = None,
    cpts: str | None = None,
) -> QuerySet[NetworkPost]:
    """Events still running on ``start`` (today by default) and begun by ``end``, soonest first."""
    tz = timezone.get_current_timezone()
    since = datetime.datetime.combine(start or timezone.localdate(), datetime.time.min, tzinfo=tz)
    events = NetworkPost.objects.filter(kind=NetworkPost.Kind.EVENT, end__gte=since)
    if end:
        until = datetime.datetime.combine(end + datetime.timedelta(days=1), datetime.time.min, tzinfo=tz)
        events = events.filter(start__lt=until)
    events = _filtered(events, region=region, department=department, theme=theme, cpts=cpts)
    return events.order_by("start", "pk")


def network_news(
    *,
    region: str | None = None,
    department: str | None = None,
    theme: str | None = None,
    cpts: str | None = None,
) -> QuerySet[NetworkPost]:
    news = NetworkPost.objects.filter(kind=NetworkPost.Kind.NEWS)
    return _filtered(news, region=region, department=department, theme=theme, cpts=cpts).order_by(
        "-date", "-pk"
    )


def posts_page(posts: QuerySet[NetworkPost], *, page: int = 1, page_size: int = PAGE_SIZE) -> PostResults:
    """One page of ``posts``, with the total (two queries)."""
    page_size = min(page_size, PAGE_SIZE_MAX)
    offset = (page - 1) * page_size
    return PostResults(
        count=posts.count(), page=page, page_size=page_size, posts=list(posts[offset : offset + page_size])
    )


def federation_post(pk: int) -> NetworkPost | None:
    """A post the federation wrote itself (its page lives on the federation's host)."""
    return NetworkPost.objects.filter(pk=pk, cpts__isnull=True).first()


def agenda_version() -> tuple[int, str]:
    """Changes whenever an event is written or withdrawn: a cache key for whole-agenda answers.

    A write moves the latest publication time forward; a withdrawal lowers the count.
    """
    found = NetworkPost.objects.filter(kind=NetworkPost.Kind.EVENT).aggregate(
        count=Count("pk"), last=Max("last_published_at")
    )
    return found["count"], found["last"].isoformat() if found["last"] else ""
