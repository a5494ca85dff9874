"""The « Soins non programmés » page through HTTP on the CPTS's host: the numbers first, then the places
with their hours in words and their marks on the map; its API and OpenAPI entry; kept answers."""

import re

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from unscheduled_care.models import UnscheduledCarePage

from .conftest import MONTIGNY, place, publish

PATH = "/soins-non-programmes/"


def test_the_page_gives_the_numbers_first_then_the_places_in_words(alpha_client, care_page):
    response = alpha_client.get(PATH)
    assert response.status_code == 200
    html = response.content.decode()
    numbers, places = html.index('id="numeros"'), html.index('id="lieux"')
    assert numbers < places
    for number in ("15", "116117", "3237", "112", "114"):
        assert f'href="tel:{number}"' in html
    assert "Du lundi au vendredi, de 20 h à minuit" in html
    assert "Le dimanche et les jours fériés, de 8 h à minuit" in html
    assert "Du lundi au samedi, de 8 h 30 à 20 h" in html
    assert "Montigny-lès-Metz" in html and "sur appel du 116 117" in html and "Accès de plain-pied" in html
    assert 'href="tel:+33387000001"' in html
    # The map: the territory's communes and one numbered mark per place, no script.
    assert html.count('class="place-mark"') == 2 and "<use href=" in html
    assert "<script" not in html and 'style="' not in html
    # No waiting list: the official tools instead.
    assert "annuairesante.ameli.fr" in html and "reclamation-mediation-voies-de-recours" in html


def test_the_home_page_leads_to_it_with_the_two_numbers_to_call_first(alpha, alpha_client, care_page):
    """The page sat only in the sitemap: nothing on the site led a visitor to it."""
    home = alpha_client.get("/").content.decode()
    assert "Besoin d'un médecin ce soir ou ce week-end ?" in home
    assert 'href="tel:15"' in home and 'href="tel:116117"' in home
    assert f'href="{PATH}"' in home
    with alpha.context():
        UnscheduledCarePage.objects.get().unpublish()
    connection.set_schema_to_public()
    assert "Besoin d'un médecin ce soir" not in alpha_client.get("/").content.decode()


def test_the_page_reads_in_french_dates_and_articles(alpha_client, care_page):
    page = alpha_client.get(PATH).content.decode()
    assert re.search(r"Numéros nationaux relus le \d{1,2}(er)? [a-zéû]+ \d{4}", page)
    assert "Les lieux de soins non programmés de la CPTS Alpha" in page


def test_the_site_search_finds_it_by_what_a_visitor_types(alpha, alpha_client, metz_territory):
    from django.test import TestCase

    with TestCase.captureOnCommitCallbacks(execute=True):  # the search index follows on commit
        publish(metz_territory, place())
    for words in ("garde", "pharmacie de garde", "urgence"):
        found = alpha_client.get("/recherche/", {"q": words}).content.decode()
        assert f'href="{PATH}"' in found, words


def test_the_page_has_one_place_under_the_home_page(alpha):
    from content.models import HomePage, StandardPage

    assert UnscheduledCarePage.parent_page_types == ["content.HomePage"]
    assert UnscheduledCarePage.max_count == 1
    with alpha.context():
        assert UnscheduledCarePage in HomePage.allowed_subpage_models()
        assert UnscheduledCarePage not in StandardPage.allowed_subpage_models()
    connection.set_schema_to_public()


def test_the_api_says_the_same_facts(alpha_client, care_page):
    response = alpha_client.get("/api/v2/unscheduled-care/")
    assert response.status_code == 200
    data = response.json()
    assert data["page"]["path"] == PATH
    assert [n["number"] for n in data["national_numbers"]] == ["15", "116 117", "3237", "112", "114"]
    assert all(n["source"].startswith("https://") and n["read_on"] for n in data["national_numbers"])
    first, second = data["places"]
    assert first["hours"][0] == {
        "days": ["monday", "tuesday", "wednesday", "thursday", "friday"],
        "opens": "20:00",
        "closes": "00:00",
        "words": "du lundi au vendredi, de 20 h à minuit",
    }
    assert second["commune_code"] == MONTIGNY and second["commune_name"] == "Montigny-lès-Metz"
    assert [a["code"] for a in first["access"]] == ["call_116117", "walk_in"]
    assert first["schema_type"] == "MedicalClinic" and first["step_free"] is True
    # And the Wagtail pages API gives the same places.
    detail = alpha_client.get(f"/api/v2/pages/{care_page.pk}/").json()
    assert detail["places"][0]["value"]["hours"][0]["words"] == first["hours"][0]["words"]


def test_the_api_without_a_page_is_a_404_in_the_error_format(alpha_client):
    response = alpha_client.get("/api/v2/unscheduled-care/")
    assert response.status_code == 404
    assert "Soins non programmés" in response.json()["error"]["message"]


def test_the_route_is_in_the_openapi_schema(alpha_client):
    schema = alpha_client.get("/api/v2/schema/", HTTP_ACCEPT="application/json").json()
    operation = schema["paths"]["/api/v2/unscheduled-care/"]["get"]
    assert "Soins non programmés" in operation["summary"]
    assert "places" in schema["components"]["schemas"]["UnscheduledCare"]["properties"]


def test_kept_answers_change_at_once_when_the_page_changes(
    alpha_client, care_page, alpha, settings, django_capture_on_commit_callbacks
):
    settings.CPTS_RESPONSE_CACHE_SECONDS = 300
    before = alpha_client.get(PATH).content.decode()
    assert "Centre de soins non programmés (fictif)" in before
    assert alpha_client.get(PATH).content.decode() == before  # kept
    with alpha.context(), django_capture_on_commit_callbacks(execute=True):
        page = UnscheduledCarePage.objects.get(pk=care_page.pk)
        page.places = [("place", page.places[0].value)]
        page.save_revision().publish()
    connection.set_schema_to_public()
    after = alpha_client.get(PATH).content.decode()
    assert "Centre de soins non programmés (fictif)" not in after
    api = alpha_client.get("/api/v2/unscheduled-care/").json()
    assert len(api["places"]) == 1


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        (
            {"hours": [{"days": ["monday"], "opens": "20:00", "closes": "08:00"}]},
            "hours",
            "se termine (08:00) avant de commencer (20:00)",
        ),
        ({"commune": "54395"}, "commune", "pas dans le territoire de la CPTS"),
        ({"postal_code": "57950"}, "postal_code", "57950 n'est pas un code postal de Metz"),
        ({"latitude": 48.69, "longitude": 6.18}, "latitude", "km de Metz"),
        ({"phone": "", "access": []}, "access", "Dites comment y être reçu"),
        ({"phone": "12"}, "phone", "Un numéro français à 10 chiffres"),
    ],
)
def test_the_service_refuses_bad_places_in_french(metz_territory, changes, field, message):
    with pytest.raises(ValidationError) as refused:
        publish(metz_territory, place(**changes))
    connection.set_schema_to_public()
    text = " ".join(re.sub(r"\s+", " ", str(m)) for m in refused.value.messages)
    text += str(refused.value.as_json_data() if hasattr(refused.value, "as_json_data") else "")
    assert message in text, text
    with metz_territory.context():
        assert not UnscheduledCarePage.objects.exists()
    connection.set_schema_to_public()
