"""What a CPTS's home page shows beside its editor's text: figures read from data."""

from __future__ import annotations

from django.apps import apps
from django.db.models import Q
from django.http import HttpRequest
from django.utils import timezone
from wagtail import hooks

from content.member_counts import member_counts
from content.models.visibility import viewable_by
from content.selectors.site import key_figures
from content.selectors.territory import page_territory_map


# The home page's own module calls this one: page types by label, or their modules would import
# each other in a circle.
def _model(name: str):
    return apps.get_model("content", name)


def live_offer_count() -> int:
    """Public internship offers still open (not filled, not over)."""
    today = timezone.localdate()
    offers = _model("InternshipOfferPage").objects.live().public().filter(filled=False)
    return offers.filter(Q(end_date__isnull=True) | Q(end_date__gte=today)).count()


# Apps above ``content`` add a section to a CPTS's home page by registering a function of the
# page under this Wagtail hook name, returning safe HTML or "" (``aci``'s published summary):
# the theme shows them without ``content`` knowing those apps.
HOME_SECTIONS_HOOK = "cpts_home_sections"


def home_context(page, request: HttpRequest) -> dict:
    """Figures (territory, members by profession, offers), the territory's map, news, next events.

    News and events are those ``request`` may open (content.models.visibility).
    """
    news = _model("NewsArticlePage").objects.live().descendant_of(page)
    events = _model("EventPage").objects.live().descendant_of(page)
    professions = [
        {"profession": row.get_profession_display(), "count": row.count}
        for row in member_counts()
        if row.count
    ]
    return {
        "figures": key_figures(),
        "professions": sorted(professions, key=lambda row: -row["count"])[:6],
        "live_offers": live_offer_count(),
        "territory_map": page_territory_map(page),
        "news": viewable_by(news, request).order_by("-date")[:3],
        "events": viewable_by(events, request).filter(end__gte=timezone.now()).order_by("start")[:3],
        "sections": [html for section in hooks.get_hooks(HOME_SECTIONS_HOOK) if (html := section(page))],
    }
