"""Writes of « Soins non programmés »: a page published from structured places, checked as in the admin."""

from __future__ import annotations

from django.db import transaction
from wagtail.models import Page

from content.services import page_publish

from .models import UnscheduledCarePage


@transaction.atomic
def unscheduled_care_page_publish(
    *, parent: Page, title: str, places: list[dict], introduction: str = "", slug: str = ""
) -> UnscheduledCarePage:
    """Publish the page under ``parent`` with ``places`` (raw block values: times as "HH:MM").

    ``Page.full_clean`` does not look inside a StreamField: the blocks' own
    checks (hours, commune of the territory, postal code, coordinates) run here
    first, as the admin's form runs them, and raise the same French messages.
    """
    page = UnscheduledCarePage(
        title=title, introduction=introduction, places=[{"type": "place", "value": place} for place in places]
    )
    if slug:
        page.slug = slug
    page.places = page.places.stream_block.clean(page.places)
    return page_publish(parent=parent, page=page)
