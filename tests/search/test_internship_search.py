"""The students' search, end to end: offers published in CPTS, found from the federation's host.

Every test runs twice (tests/search/conftest.py): PostgreSQL, then Elasticsearch.
"""

import re

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from wagtail.models import PageViewRestriction

from search.models import InternshipListing

from .conftest import committed, future, search, titles

pytestmark = pytest.mark.usefixtures("search_backend")


def test_a_published_offer_is_found_with_a_link_to_its_cpts_site(publish_offer, alpha, federation_client):
    page = publish_offer(title="Stage de kinésithérapie à Metz")

    result = search(federation_client, q="kinésithérapie")

    assert result["count"] == 1
    hit = result["results"][0]
    assert hit["id"] == f"{alpha.schema_name}:{page.pk}"
    assert hit["url"].startswith(f"http://{alpha.host}/")
    assert (hit["cpts"], hit["commune_name"], hit["department"]) == ("alpha", "Metz", "57")
    # The link works: it is the offer's page on the CPTS's own site.
    from django.test import Client

    site = Client(HTTP_HOST=alpha.host).get(hit["url"].split(alpha.host, 1)[1])
    assert "Stage de kinésithérapie à Metz" in site.content.decode()


@pytest.mark.parametrize(
    "typed",
    ["kine", "kiné", "KINESITHERAPIE", "kinesiterapie", "kinésithérapeute"],
)
def test_french_words_accents_abbreviations_and_typos(publish_offer, federation_client, typed):
    publish_offer(title="Stage en cabinet de kinésithérapie")
    publish_offer(title="Médecine générale en MSP", discipline="general_medicine", level="intern")

    assert titles(search(federation_client, q=typed)) == ["Stage en cabinet de kinésithérapie"]


def test_general_medicine_without_accents_and_with_stemming(publish_offer, federation_client):
    publish_offer(title="Médecine générale en MSP", discipline="general_medicine", level="intern")
    publish_offer(title="Officine de centre-ville", discipline="pharmacy", level="year_4_plus")

    for typed in ["medecine generale", "Médecine Générale", "médecins généralistes", "mg"]:
        assert titles(search(federation_client, q=typed)) == ["Médecine générale en MSP"], typed


def test_a_typo_is_corrected_and_said(publish_offer, federation_client):
    publish_offer(title="Stage infirmier en EHPAD", discipline="nursing", host_structure="ehpad")

    result = search(federation_client, q="infirmeir")

    assert titles(result) == ["Stage infirmier en EHPAD"]
    assert result["corrections"] == {"infirmeir": "infirmier"}


def test_words_about_the_place_and_the_cpts_are_searched(publish_offer, beta, federation_client):
    publish_offer(title="Stage A")
    publish_offer(beta, title="Stage B", commune_id="54395")

    assert titles(search(federation_client, q="nancy")) == ["Stage B"]
    assert titles(search(federation_client, q="meurthe")) == ["Stage B"]
    assert titles(search(federation_client, q="moselle")) == ["Stage A", "Stage B"]
    assert titles(search(federation_client, q="cabinet arenes metz")) == ["Stage A"]


def test_filters_and_their_facet_counts(publish_offer, beta, federation_client):
    publish_offer(title="Kiné Metz", housing=True)
    publish_offer(title="Kiné Woippy", commune_id="57751", housing=False)
    publish_offer(
        beta,
        title="MG Nancy",
        discipline="general_medicine",
        level="intern",
        commune_id="54395",
        housing=True,
    )

    everything = search(federation_client)
    assert everything["count"] == 3
    facets = {name: {f["value"]: f["count"] for f in values} for name, values in everything["facets"].items()}
    assert facets["discipline"] == {"physiotherapy": 2, "general_medicine": 1}
    assert facets["level"] == {"year_3": 2, "intern": 1}
    assert facets["department"] == {"57": 2, "54": 1}
    assert facets["region"] == {"44": 3}
    assert facets["cpts"] == {"alpha": 2, "beta": 1}
    assert facets["housing"] == {"true": 2, "false": 1}
    labels = {f["value"]: f["label"] for f in everything["facets"]["discipline"]}
    assert labels["general_medicine"] == "Médecine générale"

    assert titles(search(federation_client, discipline="general_medicine")) == ["MG Nancy"]
    assert titles(search(federation_client, level="intern")) == ["MG Nancy"]
    assert sorted(titles(search(federation_client, department="57"))) == ["Kiné Metz", "Kiné Woippy"]
    assert sorted(titles(search(federation_client, region="44"))) == ["Kiné Metz", "Kiné Woippy", "MG Nancy"]
    assert titles(search(federation_client, cpts="beta")) == ["MG Nancy"]
    assert sorted(titles(search(federation_client, housing="true"))) == ["Kiné Metz", "MG Nancy"]
    narrowed = search(federation_client, housing="true", department="57")
    assert titles(narrowed) == ["Kiné Metz"]
    assert {f["value"]: f["count"] for f in narrowed["facets"]["cpts"]} == {"alpha": 1}
    assert narrowed["facets"]["department"][0]["selected"] is True


def test_period_filter_keeps_offers_overlapping_the_dates(publish_offer, federation_client):
    publish_offer(title="Hiver", start_date=future(10), end_date=future(100))
    publish_offer(title="Été", start_date=future(200), end_date=future(300))

    assert titles(search(federation_client, start=future(50), end=future(60))) == ["Hiver"]
    assert titles(search(federation_client, start=future(250))) == ["Été"]
    assert sorted(titles(search(federation_client, start=future(90), end=future(210)))) == ["Hiver", "Été"]


def test_sorts_and_pages(publish_offer, federation_client):
    publish_offer(title="Kiné tardif", start_date=future(60), end_date=future(100))
    publish_offer(title="Kiné précoce", start_date=future(5), end_date=future(100))

    assert titles(search(federation_client, q="kine", sort="start")) == ["Kiné précoce", "Kiné tardif"]
    assert titles(search(federation_client, sort="newest")) == ["Kiné précoce", "Kiné tardif"]
    first = search(federation_client, sort="start", page_size=1)
    second = search(federation_client, sort="start", page_size=1, page=2)
    assert (titles(first), titles(second)) == (["Kiné précoce"], ["Kiné tardif"])
    assert (first["count"], first["pages"]) == (2, 2)


def test_title_words_rank_first(publish_offer, federation_client):
    publish_offer(
        title="Stage en EHPAD",
        discipline="nursing",
        description="<p>Un peu de kinésithérapie respiratoire.</p>",
    )
    publish_offer(title="Kinésithérapie du sport", description="<p>Terrain et cabinet.</p>")

    assert titles(search(federation_client, q="kinesitherapie"))[0] == "Kinésithérapie du sport"


def test_the_search_follows_every_change_in_the_cpts(publish_offer, alpha, federation_client):
    page = publish_offer(title="Stage de pharmacie", discipline="pharmacy")
    assert titles(search(federation_client, q="pharmacie")) == ["Stage de pharmacie"]

    with alpha.context():
        page.title = "Stage d'officine rurale"
        committed(lambda: page.save_revision().publish())
    assert titles(search(federation_client, q="officine")) == ["Stage d'officine rurale"]
    assert search(federation_client, q="pharmacie")["count"] == 1  # the discipline's label stays

    with alpha.context():
        page.filled = True
        committed(lambda: page.save_revision().publish())
    assert search(federation_client, q="officine")["count"] == 0

    with alpha.context():
        page.filled = False
        committed(lambda: page.save_revision().publish())
        committed(page.unpublish)
    assert search(federation_client, q="officine")["count"] == 0

    with alpha.context():
        committed(lambda: page.save_revision().publish())
    assert search(federation_client, q="officine")["count"] == 1
    with alpha.context():
        committed(page.delete)
    assert search(federation_client, q="officine")["count"] == 0
    assert not InternshipListing.objects.exists()


def test_an_offer_expires_by_itself_after_its_period(publish_offer, alpha, federation_client):
    import datetime

    publish_offer(title="Ancien stage", start_date=future(-100), end_date=future(-1))
    publish_offer(title="Stage du jour", start_date=future(-100), end_date=datetime.date.today())

    assert titles(search(federation_client)) == ["Stage du jour"]
    with alpha.context():
        from content.models import InternshipOfferPage

        statuses = {p.title: p.status for p in InternshipOfferPage.objects.all()}
    assert statuses == {"Ancien stage": "expired", "Stage du jour": "published"}


@pytest.mark.parametrize(
    ("params", "parameter"),
    [
        ({"discipline": "astrologie"}, "discipline"),
        ({"level": "master"}, "level"),
        ({"region": "99"}, "region"),
        ({"department": "2C"}, "department"),
        ({"cpts": "nowhere"}, "cpts"),
        ({"start": "2026-13-45"}, "start"),
        ({"end": "demain"}, "end"),
        ({"start": "2027-05-01", "end": "2027-01-01"}, "end"),
        ({"housing": "peut-être"}, "housing"),
        ({"sort": "price"}, "sort"),
        ({"page": "0"}, "page"),
    ],
)
def test_bad_parameters_are_a_400_naming_them(federation_client, search_backend, params, parameter):
    response = federation_client.get("/api/network/internships/", params)

    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == "invalid"
    assert parameter in error["fields"]
    assert parameter in error["message"]


@pytest.mark.parametrize(
    "query",
    [
        'kiné" OR 1=1 --',
        "'; DROP TABLE search_internshiplisting; --",
        "title:(kine OR *) AND NOT ~foo^3 [a TO z] {x} /re.*x/ \\",
        "kiné & | ! <-> :* ()",
        "🩺🏥 stage 👩‍⚕️",
        "k" * 10_000,
        "mot " * 2_500,
        "",
        "   ",
    ],
)
def test_any_query_text_is_answered(publish_offer, federation_client, query):
    publish_offer()

    response = federation_client.get("/api/network/internships/", {"q": query})

    assert response.status_code == 200
    assert InternshipListing.objects.count() == 1
    page = federation_client.get("/stages/", {"q": query})
    assert page.status_code == 200


def test_page_size_over_the_cap_is_capped_and_said(publish_offer, federation_client, settings):
    publish_offer()
    result = search(federation_client, page_size=10_000)

    assert result["page_size"] == settings.INTERNSHIP_PAGE_SIZE_MAX
    assert result["page_size_capped"] is True
    assert search(federation_client, page_size=5)["page_size_capped"] is False


def test_the_search_page_works_without_javascript(publish_offer, federation_client):
    publish_offer(title="Kinésithérapie du sport", housing=True)
    publish_offer(title="Kinésithérapie à domicile", housing=False)

    page = federation_client.get("/stages/", {"q": "kine", "housing": "true"})
    html = page.content.decode()

    assert page.status_code == 200
    assert '<form class="form search-form" method="get"' in html
    assert "Kinésithérapie du sport" in html and "Kinésithérapie à domicile" not in html
    assert 'name="viewport"' in html
    # Facet links keep the query and the other filters.
    assert "?q=kine&amp;housing=true&amp;discipline=physiotherapy" in html
    # The form as a browser sends it, every field left empty: everything is shown.
    blank = {"q": "", "discipline": "", "level": "", "start": "", "end": ""}
    assert "Kinésithérapie à domicile" in federation_client.get("/stages/", blank).content.decode()
    bad = federation_client.get("/stages/", {"start": "hier"})
    assert bad.status_code == 400
    assert "start" in bad.content.decode()


def test_reindex_network_rebuilds_and_check_reports_drift(publish_offer, alpha, federation_client, capsys):
    page = publish_offer(title="Stage de pharmacie", discipline="pharmacy")
    call_command("check_search_index")

    InternshipListing.objects.all().delete()
    with pytest.raises(CommandError):
        call_command("check_search_index")
    assert f"{alpha.schema_name}:{page.pk}" in capsys.readouterr().out

    call_command("reindex_network")
    call_command("check_search_index")
    assert titles(search(federation_client, q="pharmacie")) == ["Stage de pharmacie"]


def test_a_private_offer_leaves_the_students_search_and_comes_back(alpha, publish_offer, federation_client):
    offer = publish_offer(title="Stage discret", apply_email="contact@cabinet.test")

    def listed() -> bool:
        return InternshipListing.objects.filter(cpts=alpha.cpts, page_id=offer.pk).exists()

    assert listed()
    with alpha.context():
        restriction = committed(
            lambda: PageViewRestriction.objects.create(page=offer, restriction_type=PageViewRestriction.LOGIN)
        )
    connection.set_schema_to_public()
    assert not listed()
    body = federation_client.get("/api/network/internships/", {"q": "discret"}).content.decode()
    assert "contact@cabinet.test" not in body
    with alpha.context():
        committed(restriction.delete)
    connection.set_schema_to_public()
    assert listed()


def test_privacy_on_a_section_withdraws_its_offers(alpha, publish_offer):
    offer = publish_offer(title="Stage sous section privée")
    with alpha.context():
        section = offer.get_parent()
        committed(
            lambda: PageViewRestriction.objects.create(
                page=section, restriction_type=PageViewRestriction.LOGIN
            )
        )
    connection.set_schema_to_public()
    assert not InternshipListing.objects.filter(cpts=alpha.cpts, page_id=offer.pk).exists()


def test_offer_summaries_are_plain_text_not_escaped_html(publish_offer, federation_client):
    publish_offer(title="Stage de pédiatrie", description="<p>Enfants &lt; 6 ans &amp; familles</p>")
    hit = search(federation_client, q="pediatrie")["results"][0]
    assert hit["summary"] == "Enfants < 6 ans & familles"
    page = federation_client.get("/stages/", {"q": "pediatrie"}).content.decode()
    assert "Enfants &lt; 6 ans &amp; familles" in page
    assert "&amp;lt;" not in page


def test_offers_within_a_distance_of_a_commune(search_backend, publish_offer, beta, federation_client):
    publish_offer(title="Stage à Metz")  # 57463
    publish_offer(title="Stage à Woippy", commune_id="57751")  # just north of Metz
    publish_offer(beta, title="Stage à Nancy", commune_id="54395")  # ~47 km south of Metz

    near_metz = search(federation_client, near="Metz", within=10)
    assert sorted(titles(near_metz)) == ["Stage à Metz", "Stage à Woippy"]
    assert near_metz["distance"] == "à moins de 10 km de Metz (57)"
    assert {hit["title"]: hit["distance_km"] for hit in near_metz["results"]}["Stage à Metz"] == 0
    # The same commune by its postal code; then a radius that reaches Nancy.
    assert sorted(titles(search(federation_client, near="57000", within=60))) == [
        "Stage à Metz",
        "Stage à Nancy",
        "Stage à Woippy",
    ]
    nancy = search(federation_client, near="nancy", within=30)
    assert titles(nancy) == ["Stage à Nancy"] and nancy["results"][0]["distance_km"] == 0
    assert search(federation_client, q="stage")["distance"] == ""
    assert all(hit["distance_km"] is None for hit in search(federation_client)["results"])


def test_a_distance_needs_a_known_commune(federation_client):
    unknown = federation_client.get("/api/network/internships/", {"near": "Atlantide"})
    assert unknown.status_code == 400 and "Commune inconnue : Atlantide." in str(unknown.json())
    alone = federation_client.get("/api/network/internships/", {"within": 30})
    assert alone.status_code == 400 and "near" in alone.json()["error"]["fields"]
    too_far = federation_client.get("/api/network/internships/", {"near": "Metz", "within": 5000})
    assert too_far.status_code == 400 and "within" in too_far.json()["error"]["fields"]


def test_the_students_page_searches_around_a_commune_and_maps_the_offers(publish_offer, federation_client):
    publish_offer(title="Stage à Metz")
    publish_offer(title="Stage à Woippy", commune_id="57751")
    page = federation_client.get("/stages/", {"near": "Metz", "within": "10"})
    html = page.content.decode()
    assert page.status_code == 200
    assert "2</strong> offres à moins de 10 km de Metz (57)." in html and "à 0 km" in html
    drawn = dict(re.findall(r'<title>([^<]+)</title><use href="[^"]+/communes/57\.svg#c(\d+)"', html))
    assert "Metz (57463) : 1 offre, commune de départ" in drawn and "Woippy (57751) : 1 offre" in drawn
    assert len(drawn) > 20  # the communes around, as a background
    # The form sends its distance even without a commune: then it is no filter.
    assert federation_client.get("/stages/", {"near": "", "within": "30"}).status_code == 200
    refused = federation_client.get("/stages/", {"near": "Atlantide", "within": "30"})
    assert refused.status_code == 400 and "Commune inconnue : Atlantide." in refused.content.decode()
