"""Reads of a « Soins non programmés » page: its facts for the theme and for the API.

The page lives in the schema of the request's CPTS; nothing here switches
schema. The map is the territory's (``content.selectors.territory_map``)
with each place numbered at its coordinates (``unscheduled_care.maps``).
"""

from __future__ import annotations

import datetime
from dataclasses import asdict

from django.apps import apps
from wagtail.models import Page

from tenants.selectors import current_cpts

from .maps import places_map
from .national_numbers import national_data
from .places import communes_of, place_facts

PAGE_TYPE = "unscheduled_care.UnscheduledCarePage"


def page_places(page: Page) -> list[dict]:
    """The page's places in the words and terms of ``place_facts``, their communes read in one query."""
    values = [block.value for block in page.places if block.block_type == "place"]
    communes = communes_of(values)
    return [place_facts(value, communes=communes) for value in values]


def page_national_numbers(page: Page | None = None) -> list[dict]:
    data = national_data()
    return [{**asdict(number), "read_on": data.read_on} for number in data.numbers]


def page_official_tools(page: Page | None = None) -> list[dict]:
    return [asdict(tool) for tool in national_data().official_tools]


def page_context(page: Page) -> dict:
    places = page_places(page)
    for number, place in enumerate(places, start=1):
        place["anchor"] = f"lieu-{number}"
    cpts = current_cpts()
    return {
        "national": national_data(),
        "national_read_on": datetime.date.fromisoformat(national_data().read_on),
        "places": places,
        "places_map": places_map(
            cpts=cpts, places=places, title=f"Les lieux de soins non programmés {cpts.of_name}"
        )
        if cpts and places
        else None,
    }


def live_unscheduled_care_page() -> Page | None:
    """The site's live page anyone may open (no view restriction on it or above), or None."""
    model = apps.get_model(PAGE_TYPE)
    return model.objects.live().public().order_by("path").first()


def unscheduled_care_facts(*, page: Page) -> dict:
    """Everything ``/api/v2/unscheduled-care/`` says: the page's own facts and the national ones."""
    data = national_data()
    parts = page.get_url_parts()
    return {
        "page": {"id": page.pk, "title": page.title, "path": parts[2] if parts else None},
        "national_numbers": page_national_numbers(page),
        "numbers_read_on": data.read_on,
        "places": page_places(page),
        "official_tools": page_official_tools(page),
    }
