"""Each CPTS's own site search (Wagtail search) covers its pages, campaigns and offers, and nothing else."""

import pytest
from django.db import connection

from content.models import HomePage
from content.services import standard_page_publish

from .conftest import committed

pytestmark = pytest.mark.usefixtures("search_backend")


def test_site_search_finds_pages_and_offers_of_its_own_cpts_only(
    publish_offer, alpha, beta, alpha_client, beta_client
):
    publish_offer(alpha, title="Stage de kinésithérapie respiratoire")
    publish_offer(beta, title="Kinésithérapie en EHPAD", commune_id="54395")
    with alpha.context():
        committed(
            lambda: standard_page_publish(
                parent=HomePage.objects.get(), title="Réseau respiratoire", body="<p>Asthme et BPCO.</p>"
            )
        )
    connection.set_schema_to_public()

    alpha_page = alpha_client.get("/recherche/", {"q": "kinésithérapie"}).content.decode()
    beta_page = beta_client.get("/recherche/", {"q": "kinésithérapie"}).content.decode()

    assert "Stage de kinésithérapie respiratoire" in alpha_page
    assert "Kinésithérapie en EHPAD" not in alpha_page
    assert "Kinésithérapie en EHPAD" in beta_page
    assert "Stage de kinésithérapie respiratoire" not in beta_page
    assert "Réseau respiratoire" in alpha_client.get("/recherche/", {"q": "respiratoire"}).content.decode()
    assert "Réseau respiratoire" not in beta_client.get("/recherche/", {"q": "respiratoire"}).content.decode()

    api = alpha_client.get("/api/v2/pages/", {"search": "kinésithérapie"}).json()
    assert [item["title"] for item in api["items"]] == ["Stage de kinésithérapie respiratoire"]
