"""The network agenda and news on the federation's host, and each agenda's iCalendar feed.

Server-rendered, no JavaScript. The federation's pages read the public copy
only; a CPTS's ``/agenda.ics`` reads its own schema only.
"""

from __future__ import annotations

import datetime
import hashlib

from django.core.cache import cache
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from content.models.pages import EventPage
from network.models import Department, Region
from tenants.selectors import active_cpts
from tenants.vocabulary import Mission

from .ical import CalendarEvent, calendar_bytes, event_uid
from .models import NetworkPost
from .selectors import FEED_MAX, agenda_events, agenda_version, federation_post, network_news, posts_page
from .serializers import AgendaFiltersSerializer, PostFiltersSerializer

ICAL_TYPE = "text/calendar; charset=utf-8"
# A CPTS's feed keeps the past month, so a calendar does not drop what just ended.
OWN_FEED_PAST_DAYS = 30
FEED_CACHE_SECONDS = 3600


# What a visitor reads instead of a parameter's name in an error message.
FILTER_LABELS = {
    "region": "Région",
    "department": "Département",
    "theme": "Thème",
    "cpts": "CPTS",
    "start": "En cours le",
    "end": "Commencé au plus tard le",
    "page": "Page",
    "page_size": "Éléments par page",
    "non_field_errors": "Filtres",
}


def _filter_choices() -> dict:
    return {
        "regions": Region.objects.order_by("name").values_list("code", "name"),
        "departments": Department.objects.order_by("code").values_list("code", "name"),
        "themes": Mission.choices,
    }


def _listing(request: HttpRequest, *, serializer_class, select, template: str) -> HttpResponse:
    params = serializer_class.from_query(request.GET)
    valid = params.is_valid()
    results = None
    if valid:
        posts = select(**params.filters()).select_related("cpts")
        results = posts_page(
            posts, page=params.validated_data["page"], page_size=params.validated_data["page_size"]
        )
    errors = [] if valid else [(FILTER_LABELS.get(name, "Critère"), m) for name, m in params.errors.items()]
    context = {"params": request.GET, "errors": errors, "results": results}
    return render(request, template, context | _filter_choices(), status=200 if valid else 400)


def network_agenda_page(request: HttpRequest) -> HttpResponse:
    return _listing(
        request,
        serializer_class=AgendaFiltersSerializer,
        select=agenda_events,
        template="syndication/agenda.html",
    )


def network_news_page(request: HttpRequest) -> HttpResponse:
    return _listing(
        request, serializer_class=PostFiltersSerializer, select=network_news, template="syndication/news.html"
    )


def federation_post_page(request: HttpRequest, pk: int) -> HttpResponse:
    post = federation_post(pk)
    if post is None:
        raise Http404
    return render(request, "syndication/post.html", {"post": post})


def _post_event(post: NetworkPost) -> CalendarEvent:
    source = post.cpts.schema_name if post.cpts_id else "federation"
    return CalendarEvent(
        uid=event_uid(source, post.page_id if post.cpts_id else post.pk, "cpts-network"),
        title=post.title,
        start=post.start,
        end=post.end,
        updated=post.last_published_at,
        place=post.place,
        url=post.url,
        description=post.summary,
        organizer=post.published_by,
        category=post.get_theme_display() if post.theme else "",
    )


def network_agenda_feed(request: HttpRequest) -> HttpResponse:
    """``/agenda.ics`` on the federation's host: the agenda's events, with the page's filters."""
    params = AgendaFiltersSerializer.from_query(request.GET)
    if not params.is_valid():
        problems = "; ".join(
            f"{field} : {' '.join(map(str, errors))}" for field, errors in params.errors.items()
        )
        return HttpResponse(
            f"Paramètres refusés. {problems}", status=400, content_type="text/plain; charset=utf-8"
        )
    filters = params.filters()
    # Calendar applications poll their feeds; writing 500 events takes a few hundred
    # milliseconds, so a feed is written once per change of the agenda (and per day).
    key = (
        "network-agenda-feed:"
        + hashlib.sha256(
            repr((sorted(filters.items()), agenda_version(), timezone.localdate())).encode()
        ).hexdigest()
    )
    body = cache.get(key)
    if body is None:
        events = agenda_events(**filters).select_related("cpts")[:FEED_MAX]
        body = calendar_bytes("Agenda du réseau des CPTS", (_post_event(post) for post in events))
        cache.set(key, body, FEED_CACHE_SECONDS)
    return HttpResponse(body, content_type=ICAL_TYPE)


def cpts_agenda_feed(request: HttpRequest) -> HttpResponse:
    """``/agenda.ics`` on a CPTS's host: its own live, public events (its schema only)."""
    cpts = active_cpts()
    since = timezone.now() - datetime.timedelta(days=OWN_FEED_PAST_DAYS)
    events = EventPage.objects.live().public().filter(end__gte=since).order_by("start")[:FEED_MAX]
    body = calendar_bytes(
        f"Agenda — {cpts.name}",
        (
            CalendarEvent(
                uid=event_uid(cpts.schema_name, page.pk, "cpts-network"),
                title=page.title,
                start=page.start,
                end=page.end,
                updated=page.last_published_at or page.latest_revision_created_at or timezone.now(),
                place=page.place,
                url=page.full_url or "",
                description=f"Publié d'abord par {page.source_name}." if page.source_name else "",
                organizer=page.source_name or cpts.name,
                category=page.get_theme_display() if page.theme else "",
            )
            for page in events
        ),
    )
    return HttpResponse(body, content_type=ICAL_TYPE)
