"""Prevention campaigns: published on the CPTS site, listed across the network, no patient data."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from content.models import HomePage
from content.services import page_publish, territory_add_communes
from network.prevention import CampaignKit, PreventionTheme
from prevention.models import CampaignIndexPage, CampaignPage
from prevention.services import kit_adopt, kit_update_apply, kit_update_offer
from prevention.territory_rules import campaign_territory_check
from tests.conftest import login


def campaign(**fields) -> CampaignPage:
    base = {
        "title": "Dépistage du cancer colorectal",
        "theme_id": "colorectal_screening",
        "summary": "Mars bleu : tests remis en pharmacie.",
        "start": datetime.date(2026, 3, 1),
        "end": datetime.date(2026, 3, 31),
        "status": "running",
        "age_min": 50,
        "age_max": 74,
    }
    return CampaignPage(**{**base, **fields})


def publish(tenant, page: CampaignPage) -> CampaignPage:
    with tenant.context():
        index = CampaignIndexPage.objects.first() or page_publish(
            parent=HomePage.objects.get(), page=CampaignIndexPage(title="Prévention")
        )
        page = page_publish(parent=index, page=page)
    connection.set_schema_to_public()
    return page


def test_published_campaign_is_on_the_site_in_the_cpts_api_and_in_the_network(
    alpha, alpha_client, federation_client
):
    with alpha.context():
        territory_add_communes(cpts=alpha.cpts, codes=["57463"])
    page = publish(
        alpha,
        campaign(
            indicators=[
                {
                    "type": "indicator",
                    "value": {
                        "name": "Taux de participation",
                        "definition": "",
                        "unit": "percent",
                        "baseline": 28,
                        "target": 40,
                        "values": [{"period": "2026", "value": 33}],
                    },
                }
            ]
        ),
    )

    with alpha.context():
        url = page.url
    assert "Dépistage du cancer colorectal" in alpha_client.get(url).content.decode()
    api = alpha_client.get(
        "/api/v2/pages/", {"type": "prevention.CampaignPage", "fields": "theme_code,indicators"}
    )
    assert api.json()["items"][0]["indicators"][0]["value"]["latest"] == 33.0

    listing = federation_client.get("/api/network/campaigns/", {"theme": "colorectal_screening"}).json()
    assert listing["cpts_count"] == 1
    assert listing["population"] == alpha.cpts.__class__.objects.get(pk=alpha.cpts.pk).territory_population
    row = listing["campaigns"][0]
    assert (row["cpts"], row["title"], row["target"]) == (
        "alpha",
        "Dépistage du cancer colorectal",
        "50–74 ans",
    )
    assert row["indicators"][0]["latest"] == 33.0


def test_unpublished_or_deleted_campaigns_leave_the_network(alpha, federation_client):
    page = publish(alpha, campaign())
    with alpha.context():
        page.unpublish()
    assert federation_client.get("/api/network/campaigns/").json()["campaigns"] == []
    page = publish(alpha, campaign(title="Octobre rose", theme_id="breast_screening", slug="octobre-rose"))
    with alpha.context():
        page.delete()
    assert federation_client.get("/api/network/campaigns/").json()["campaigns"] == []


def test_filters_by_year_status_region_and_department(alpha, beta, federation_client):
    publish(alpha, campaign())
    publish(
        beta,
        campaign(
            title="Vaccination grippe",
            theme_id="influenza_vaccination",
            slug="grippe",
            start=datetime.date(2025, 10, 15),
            end=datetime.date(2026, 1, 31),
            status="finished",
        ),
    )

    def titles(**params):
        return [
            c["title"] for c in federation_client.get("/api/network/campaigns/", params).json()["campaigns"]
        ]

    assert titles(year=2025) == ["Vaccination grippe"]
    assert titles(status="running") == ["Dépistage du cancer colorectal"]
    assert titles(department="54") == ["Vaccination grippe"]
    assert set(titles(region="44")) == {"Vaccination grippe", "Dépistage du cancer colorectal"}
    assert titles(start="2026-02-01", end="2026-02-28") == []


@pytest.mark.parametrize(
    ("params", "parameter"),
    [
        ({"theme": "astrologie"}, "theme"),
        ({"start": "31/12/2026"}, "start"),
        ({"department": "999"}, "department"),
        ({"status": "bientôt"}, "status"),
    ],
)
def test_bad_filters_are_a_400_naming_the_parameter(federation_client, db, params, parameter):
    response = federation_client.get("/api/network/campaigns/", params)
    assert response.status_code == 400
    assert parameter in response.json()["error"]["fields"]


def test_csv_export(alpha, federation_client):
    publish(alpha, campaign())
    body = federation_client.get("/api/network/campaigns/", {"format": "csv"}).content.decode("utf-8-sig")
    header, first = body.splitlines()[:2]
    assert header.startswith("cpts;cpts_name;population;theme")
    assert "Dépistage du cancer colorectal" in first


def test_end_before_start_and_commune_outside_the_territory_are_refused(alpha):
    with pytest.raises(ValidationError, match="finit avant de commencer"):
        publish(alpha, campaign(start=datetime.date(2026, 4, 1), end=datetime.date(2026, 3, 1)))
    with alpha.context():
        territory_add_communes(cpts=alpha.cpts, codes=["57463"])
    page = publish(alpha, campaign(whole_territory=False))
    with alpha.context():
        page = CampaignPage.objects.get(pk=page.pk)
        page.communes.set(["57463", "54395"])  # Nancy is not in Alpha's territory
        with pytest.raises(ValidationError, match="Hors du territoire de la CPTS : Nancy"):
            campaign_territory_check(page, cpts=alpha.cpts)


@pytest.mark.parametrize(
    ("indicator", "message"),
    [
        ({"unit": "percent", "target": 140}, "pourcentage"),
        ({"unit": "people", "target": 12.5}, "entier"),
        ({"unit": "count", "values": [{"period": "2026", "value": 3.5}]}, "entier"),
    ],
)
def test_indicator_values_of_the_wrong_unit_are_refused(indicator, message):
    from prevention.blocks import IndicatorBlock

    block = IndicatorBlock()
    value = block.to_python(
        {"name": "x", "definition": "", "baseline": None, "target": None, "values": [], **indicator}
    )
    with pytest.raises(ValidationError) as raised:
        block.clean(value)
    assert message in str(raised.value.block_errors)


def test_target_above_the_territory_population_is_refused(alpha):
    with alpha.context():
        territory_add_communes(cpts=alpha.cpts, codes=["57463"])  # Metz, ~120,000 inhabitants
    with alpha.context():
        page = campaign(
            indicators=[
                {
                    "type": "indicator",
                    "value": {
                        "name": "Personnes sensibilisées",
                        "definition": "",
                        "unit": "people",
                        "baseline": None,
                        "target": 500_000,
                        "values": [],
                    },
                }
            ]
        )
        with pytest.raises(ValidationError, match="dépasse la population du territoire"):
            campaign_territory_check(page, cpts=alpha.cpts)


@pytest.mark.parametrize(
    "text", ["Patient 1 85 07 57 463 012 45", "nir 185075746301245", "2 69 05 2A 123 456"]
)
def test_text_that_looks_like_a_social_security_number_is_refused(alpha, text):
    with pytest.raises(ValidationError, match="numéro de sécurité sociale"):
        publish(alpha, campaign(summary=text))


def test_ordinary_numbers_are_not_mistaken_for_a_nir(alpha):
    publish(alpha, campaign(summary="400 tests remis en 2026 à 1 200 personnes de 50 à 74 ans."))


def test_nir_refusal_is_shown_in_french_in_the_page_editor(alpha, alpha_client):
    with alpha.context():
        index = page_publish(parent=HomePage.objects.get(), page=CampaignIndexPage(title="Prévention"))
    login(alpha_client, alpha)
    response = alpha_client.post(
        f"/admin/pages/add/prevention/campaignpage/{index.pk}/",
        {
            "title": "Test",
            "slug": "test",
            "theme": "osteoporosis",
            "summary": "Mme X, NIR 2 69 05 75 123 456 78",
            "start": "2026-01-01",
            "end": "2026-02-01",
            "status": "planned",
            "sex": "all",
            "whole_territory": "on",
            "partners": "",
            "risk_condition": "",
            "target_description": "",
            "actions-count": "0",
            "indicators-count": "0",
        },
    )
    assert response.status_code == 200
    assert "numéro de sécurité sociale" in response.content.decode()
    with alpha.context():
        assert not CampaignPage.objects.exists()


def test_a_kit_is_adopted_as_a_draft_and_its_updates_are_offered_not_forced(alpha):
    kit = CampaignKit.objects.create(
        theme=PreventionTheme.objects.get(code="breast_screening"),
        title="Octobre rose",
        summary="Kit 2026",
        suggested_indicators=[{"name": "Femmes de 50 à 74 ans sensibilisées", "unit": "people"}],
        materials=[{"title": "Affiche", "url": "https://example.org/affiche.pdf"}],
        is_published=True,
    )
    with alpha.context():
        page = kit_adopt(kit=kit)
        assert not page.live
        assert page.indicators[0].value["name"] == "Femmes de 50 à 74 ans sensibilisées"
        assert kit_update_offer(page=page) is None

    kit.summary = "Kit 2026, textes révisés"
    kit.save()
    assert kit.version == 2
    with alpha.context():
        page = CampaignPage.objects.get(pk=page.pk)
        assert kit_update_offer(page=page) == kit
        page.title = "Octobre rose à Alpha"
        page.save_revision()
        kit_update_apply(page=page)
        draft = CampaignPage.objects.get(pk=page.pk).get_latest_revision_as_object()
        assert draft.summary == "Kit 2026, textes révisés"
        assert not CampaignPage.objects.get(pk=page.pk).live


def test_kits_page_in_the_cpts_admin_offers_adoption(alpha, alpha_client):
    CampaignKit.objects.create(theme_id="osteoporosis", title="Ostéoporose", summary="…", is_published=True)
    login(alpha_client, alpha)
    page = alpha_client.get("/admin/prevention/kits/").content.decode()
    assert "Ostéoporose" in page and "Adopter" in page


def test_federation_sees_campaigns_by_theme_and_month(alpha, federation_staff_client):
    publish(alpha, campaign())
    page = federation_staff_client.get("/admin/campaigns/", {"year": "2026"}).content.decode()
    assert "Dépistage du cancer colorectal" in page
    assert "2026-03" in page
    assert "CPTS Alpha" in page


def test_listing_is_paginated_with_totals_over_every_page(alpha, beta, federation_client):
    publish(alpha, campaign())
    publish(alpha, campaign(title="Octobre rose", theme_id="breast_screening", slug="octobre-rose"))
    publish(beta, campaign(title="Grippe", theme_id="influenza_vaccination", slug="grippe"))
    first = federation_client.get("/api/network/campaigns/", {"page_size": 2}).json()
    second = federation_client.get("/api/network/campaigns/", {"page_size": 2, "page": 2}).json()
    assert (first["count"], len(first["campaigns"]), len(second["campaigns"])) == (3, 2, 1)
    assert first["cpts_count"] == 2 and sum(first["by_theme"].values()) == 3
    capped = federation_client.get("/api/network/campaigns/", {"page_size": 10_000}).json()
    assert capped["page_size"] == 200


def test_a_campaign_on_part_of_the_territory_shows_its_communes_on_the_map(alpha, alpha_client):
    import re

    with alpha.context():
        territory_add_communes(cpts=alpha.cpts, codes=["57463", "57480", "57751"])
    whole = publish(alpha, campaign(title="Partout"))
    part = publish(alpha, campaign(title="À Woippy", slug="a-woippy", whole_territory=False))
    with alpha.context():
        page = CampaignPage.objects.get(pk=part.pk)
        page.communes.set(["57751"])
        page.save_revision().publish()
        part_url, whole_url = page.url, whole.url
    connection.set_schema_to_public()
    html = alpha_client.get(part_url).content.decode()
    drawn = dict(re.findall(r"<title>([^<]+)</title><use href=\"[^\"]+#c(\d+)\"", html))
    assert "Woippy (57751) : commune visée par la campagne" in drawn
    assert "Metz (57463) : commune du territoire" in drawn
    assert "Les communes de la campagne" in html
    assert "<svg viewBox" not in alpha_client.get(whole_url).content.decode()  # the whole territory: no map
