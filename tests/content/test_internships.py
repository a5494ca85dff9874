"""Internship offers in a CPTS: edited in its admin (in French), shown on its site and in its API."""

import datetime

import pytest
from django.db import connection

from content.models import HomePage, InternshipIndexPage, InternshipOfferPage
from content.models.internships import semester_choices, semester_dates
from content.services import page_publish, territory_add_communes
from search.models import InternshipListing
from tests.conftest import login


@pytest.fixture
def offers_index(alpha):
    with alpha.context():
        territory_add_communes(cpts=alpha.cpts, codes=["57463"])
        index = page_publish(parent=HomePage.objects.get(), page=InternshipIndexPage(title="Stages"))
    connection.set_schema_to_public()
    return index


def form(**fields) -> dict:
    semester = semester_choices()[1][0]
    base = {
        "title": "Médecine générale en MSP",
        "slug": "mg-msp",
        "discipline": "general_medicine",
        "level": "intern",
        "host_structure": "msp",
        "host_name": "MSP de Borny",
        "commune": "57463",
        "semester": semester,
        "start_date": "",
        "end_date": "",
        "places": "2",
        "housing": "on",
        "apply_email": "stages@msp.test",
        "apply_url": "",
        "action-publish": "action-publish",
    }
    return {**base, **fields}


def add_url(index) -> str:
    return f"/admin/pages/add/content/internshipofferpage/{index.pk}/"


def test_a_coordinator_publishes_an_offer_from_the_admin(
    alpha, alpha_client, offers_index, federation_client
):
    login(alpha_client, alpha)

    response = alpha_client.post(add_url(offers_index), form())

    assert response.status_code == 302, response.content.decode()[-3000:]
    with alpha.context():
        offer = InternshipOfferPage.objects.get()
        start, end = semester_dates(offer.semester)
        assert (offer.live, offer.start_date, offer.end_date, offer.status) == (True, start, end, "published")
        url = offer.url
    assert "MSP de Borny" in alpha_client.get(url).content.decode()
    assert "Médecine générale en MSP" in alpha_client.get(offers_index.url).content.decode()
    api = alpha_client.get(
        "/api/v2/pages/", {"type": "content.InternshipOfferPage", "fields": "discipline,commune_code,status"}
    ).json()
    assert api["items"][0]["discipline"] == "general_medicine"
    assert api["items"][0]["commune_code"] == "57463"
    assert api["items"][0]["status"] == "published"
    listing = federation_client.get("/api/network/internships/").json()
    assert [hit["title"] for hit in listing["results"]] == ["Médecine générale en MSP"]


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"apply_email": ""}, "Indiquez comment candidater"),
        ({"semester": "", "start_date": "", "end_date": ""}, "Choisissez un semestre, ou indiquez le début"),
        ({"semester": "", "start_date": "2027-06-01", "end_date": "2027-05-01"}, "La fin du stage précède"),
        ({"commune": "54395"}, "Sélectionnez un choix valide"),
        ({"places": "0"}, "supérieure ou égale à 1"),
    ],
)
def test_bad_input_is_refused_in_french_and_nothing_is_published(
    alpha, alpha_client, offers_index, federation_client, fields, message
):
    login(alpha_client, alpha)

    response = alpha_client.post(add_url(offers_index), form(**fields))

    assert response.status_code == 200
    assert message in response.content.decode().replace("&#x27;", "'")
    with alpha.context():
        assert not InternshipOfferPage.objects.exists()
    assert not InternshipListing.objects.exists()


def test_a_commune_outside_the_territory_is_refused_by_the_model_too(alpha, offers_index):
    from django.core.exceptions import ValidationError

    with alpha.context(), pytest.raises(ValidationError, match="pas dans le territoire"):
        page_publish(
            parent=offers_index,
            page=InternshipOfferPage(
                title="Hors territoire",
                discipline="nursing",
                level="year_1",
                host_structure="hospital",
                commune_id="54395",
                start_date=datetime.date(2027, 1, 1),
                end_date=datetime.date(2027, 2, 1),
                apply_url="https://example.test/candidater",
            ),
        )


def test_semesters_offered_are_current_or_future():
    today = datetime.date(2026, 11, 24)
    codes = [code for code, _ in semester_choices(today)]

    assert codes == ["2026-11", "2027-05", "2027-11", "2028-05", "2028-11"]
    assert semester_dates("2026-11") == (datetime.date(2026, 11, 1), datetime.date(2027, 4, 30))


def test_another_cpts_coordinator_cannot_add_offers_to_this_cpts(alpha, beta, beta_client, offers_index):
    login(beta_client, beta)

    # Page ids are per schema: in beta's admin, alpha's index id is another page or none.
    beta_client.post(add_url(offers_index), form())

    with alpha.context():
        assert not InternshipOfferPage.objects.exists()
    assert not InternshipListing.objects.filter(cpts=alpha.cpts).exists()
