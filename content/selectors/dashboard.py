"""What a CPTS's admin home says to do: offers closing, next events, indicators not yet filled."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import QuerySet
from django.utils import timezone

from content.models import InternshipOfferPage, MissionIndicator
from content.models.pages import EventPage

CLOSING_DAYS = 30


@dataclass(frozen=True)
class Todo:
    year: int
    offers_closing: QuerySet
    next_events: QuerySet
    indicators_missing: QuerySet

    @property
    def empty(self) -> bool:
        return not (self.offers_closing or self.next_events or self.indicators_missing)


def dashboard_todo(*, today: date | None = None) -> Todo:
    """The active CPTS's pending work, each list short (a dashboard, not a report)."""
    today = today or timezone.localdate()
    return Todo(
        year=today.year,
        offers_closing=InternshipOfferPage.objects.live()
        .filter(filled=False, end_date__range=(today, today + timedelta(days=CLOSING_DAYS)))
        .order_by("end_date")[:5],
        next_events=EventPage.objects.live().filter(start__gte=timezone.now()).order_by("start")[:5],
        indicators_missing=MissionIndicator.objects.exclude(values__year=today.year).order_by(
            "mission", "name"
        )[:10],
    )
