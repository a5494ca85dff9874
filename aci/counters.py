"""Values an indicator can take from the product instead of being typed.

What is counted, and how (each counter reads the current CPTS's schema):

- ``events``: live event pages (``content.EventPage``) starting in the year.
  Attendance is not counted: the product keeps no register of who came.
- ``members``: accepted members today, all professions (``content.member_counts``:
  the member records, or the figures typed by profession) — a stock at the time of
  counting, not a yearly flow; a transmitted report freezes it.
- ``professions``: how many professions have at least one member, same source.
- ``internships``: places of live internship offers starting in the year.
- ``campaigns``: live prevention campaigns running at some point in the year,
  read by the model's label (``prevention.CampaignPage``): ``aci`` does not import
  another feature app.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from django.apps import apps
from django.db.models import Q, Sum

from content.member_counts import member_counts
from content.models.internships import InternshipOfferPage
from content.models.pages import EventPage

from .models import Source


def _events(year: int) -> int:
    return EventPage.objects.live().filter(start__year=year).count()


def _members(year: int) -> int:
    return sum(row.count for row in member_counts())


def _professions(year: int) -> int:
    return sum(1 for row in member_counts() if row.count)


def _internships(year: int) -> int:
    places = InternshipOfferPage.objects.live().filter(start_date__year=year).aggregate(n=Sum("places"))
    return places["n"] or 0


def _campaigns(year: int) -> int:
    if not apps.is_installed("prevention"):
        return 0
    campaign = apps.get_model("prevention", "CampaignPage")
    return campaign.objects.live().filter(Q(start__year__lte=year) & Q(end__year__gte=year)).count()


COUNTERS: dict[str, Callable[[int], int]] = {
    Source.EVENTS: _events,
    Source.MEMBERS: _members,
    Source.PROFESSIONS: _professions,
    Source.INTERNSHIPS: _internships,
    Source.CAMPAIGNS: _campaigns,
}


def counted_value(source: str, year: int) -> Decimal | None:
    """The value ``source`` counts for ``year``; None for a typed value."""
    counter = COUNTERS.get(source)
    return None if counter is None else Decimal(counter(year))
