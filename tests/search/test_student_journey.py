"""What a student meets in the search: typos forgiven and said, French counts, readable errors,
the offer's facts in both APIs. Runs on PostgreSQL and on Elasticsearch (tests/search/conftest.py)."""

import pytest

from .conftest import search, titles

pytestmark = pytest.mark.usefixtures("search_backend")


def test_the_readme_s_typo_finds_general_medicine_and_says_so(publish_offer, federation_client):
    publish_offer(title="Médecine générale en MSP", discipline="general_medicine", level="intern")
    publish_offer(title="Officine de centre-ville", discipline="pharmacy", level="year_4_plus")

    result = search(federation_client, q="medcine generale")

    assert titles(result) == ["Médecine générale en MSP"]
    assert result["corrections"] == {"medcine": "medecine"}
    # What the student typed is said back as typed, accents included.
    typed = federation_client.get("/stages/", {"q": "Médecine générale"}).content.decode()
    assert "pour « Médecine générale »" in typed
    page = federation_client.get("/stages/", {"q": "medcine generale"}).content.decode()
    assert "<strong>1</strong> offre pour" in page
    assert "Recherche corrigée : « medcine » → « medecine »" in page


def test_counts_are_singular_for_zero_and_one(publish_offer, federation_client):
    publish_offer(title="Stage A")
    publish_offer(title="Stage B", commune_id="57751")
    assert (
        "<strong>0</strong> offre pour"
        in federation_client.get("/stages/", {"q": "orthoptie"}).content.decode()
    )
    assert (
        "<strong>1</strong> offre pour" in federation_client.get("/stages/", {"q": "woippy"}).content.decode()
    )
    assert (
        "<strong>2</strong> offres pour" in federation_client.get("/stages/", {"q": "kine"}).content.decode()
    )


def test_a_page_past_the_last_says_so_and_leads_back(publish_offer, federation_client):
    """« 2 offres » then « Aucune offre ne correspond », with no way back, contradicted itself."""
    publish_offer(title="Stage A")
    publish_offer(title="Stage B", commune_id="57751")
    page = federation_client.get("/stages/", {"q": "kine", "page": "9"}).content.decode()
    assert "Aucune offre ne correspond" not in page
    assert "Cette page n'existe pas : les 2 offres tiennent sur 1 page." in page
    assert "?q=kine&amp;page=1" in page


def test_the_results_come_before_the_facets_in_the_page_as_on_a_phone(publish_offer, federation_client):
    """A phone shows the results first: the keyboard met the facets first, far below them."""
    publish_offer(title="Stage A")
    page = federation_client.get("/stages/", {"q": "kine"}).content.decode()
    assert page.index('class="hits"') < page.index('class="facets"')


def test_the_offer_s_facts_are_in_the_network_api(publish_offer, federation_client):
    publish_offer(supervisor_role="Kinésithérapeute, tuteur de stage", compensation="Gratification légale")
    (hit,) = search(federation_client, q="kine")["results"]
    assert hit["supervisor_role"] == "Kinésithérapeute, tuteur de stage"
    assert hit["compensation"] == "Gratification légale"
    assert "?recherche=q%3Dkine" in federation_client.get("/stages/", {"q": "kine"}).content.decode()


def test_errors_name_what_the_student_sees_and_dates_are_french(publish_offer, federation_client):
    publish_offer(title="Stage A")
    page = federation_client.get("/stages/", {"near": "Nullepart", "start": "2027-13-45"})
    text = page.content.decode()
    assert page.status_code == 400
    assert "<strong>Près de (commune)</strong>" in text and "<strong>Disponible à partir du</strong>" in text
    assert "<strong>near</strong>" not in text and "<strong>start</strong>" not in text
    # The error names the field by the label on the screen.
    assert '<label for="start">Disponible à partir du</label>' in text
    assert 'type="date"' not in text and "jj/mm/aaaa" in text
    french = federation_client.get("/stages/", {"start": "01/05/2000"})
    assert french.status_code == 200


def test_the_agenda_s_errors_name_its_labels(federation_client):
    text = federation_client.get("/agenda/", {"start": "demain"}).content.decode()
    assert "<strong>En cours le</strong>" in text and "jour/mois/année" in text
    assert "<strong>start</strong>" not in text and 'type="date"' not in text
