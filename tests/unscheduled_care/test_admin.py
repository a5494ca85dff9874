"""An editor builds the page in the Wagtail admin: a mistake is said in French beside its field, the page is
not created, and what was typed is shown again (nothing lost)."""

import re

from django.db import connection
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from content.models import HomePage
from tests.conftest import login
from unscheduled_care.models import UnscheduledCarePage

from .conftest import METZ, WEEKDAYS


def hours(*ranges: tuple[list[str], str, str]) -> dict:
    items = {
        str(i): {
            "value": {"days": tuple(days), "opens": opens, "closes": closes},
            "deleted": "",
            "order": i,
            "id": "",
        }
        for i, (days, opens, closes) in enumerate(ranges)
    }
    return {"count": len(ranges), **items}


def form(commune: str, *ranges) -> dict:
    return nested_form_data(
        {
            "title": "Soins non programmés",
            "slug": "soins-non-programmes",
            "introduction": rich_text(""),
            "places": streamfield(
                [
                    (
                        "place",
                        {
                            "name": "Maison médicale de garde (fictif)",
                            "kind": "mmg",
                            "street_address": "1 rue de l'Exemple",
                            "postal_code": "57000",
                            "commune": commune,
                            "latitude": "49.1193",
                            "longitude": "6.1757",
                            "hours": hours(*ranges),
                            "hours_exceptions": "",
                            "phone": "03 87 00 00 01",
                            "access": ("call_116117",),
                            "step_free": "on",
                        },
                    )
                ]
            ),
        }
    )


def add_url(alpha) -> str:
    with alpha.context():
        home = HomePage.objects.get().pk
    connection.set_schema_to_public()
    return f"/admin/pages/add/unscheduled_care/unscheduledcarepage/{home}/"


def test_hours_ending_before_they_start_and_a_commune_outside_are_refused_in_french(
    alpha_client, metz_territory
):
    login(alpha_client, metz_territory)
    url = add_url(metz_territory)
    assert alpha_client.get(url).status_code == 200
    response = alpha_client.post(url, form("54395", (WEEKDAYS, "20:00", "08:00")))
    assert response.status_code == 200  # the form again, not a redirect
    html = response.content.decode()
    assert "se termine (08:00) avant de commencer (20:00)" in html
    assert "pas dans le territoire de la CPTS" in html
    assert "garde (fictif)" in html  # what was typed is still there
    with metz_territory.context():
        assert not UnscheduledCarePage.objects.exists()
    connection.set_schema_to_public()


def test_a_correct_page_is_created_and_published(alpha_client, metz_territory):
    login(alpha_client, metz_territory)
    data = form(METZ, (WEEKDAYS, "20:00", "00:00")) | {"action-publish": "publish"}
    response = alpha_client.post(add_url(metz_territory), data)
    errors = response.context["form"].errors.as_data() if response.status_code == 200 else None
    assert response.status_code == 302, errors or re.findall(
        r"messages.{0,600}", response.content.decode(), re.S
    )
    with metz_territory.context():
        page = UnscheduledCarePage.objects.get()
        assert page.live and page.places[0].value["commune"] == METZ
    connection.set_schema_to_public()
