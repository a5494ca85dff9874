"""``/api/v2/aci/years/<year>/``: the summary the CPTS publishes, the full figures for its team."""

import pytest
from django.db import connection

from aci.models import AciContract, AciIndicatorYear
from aci.services import aci_contract_update
from tests.conftest import login

pytestmark = pytest.mark.django_db


def _publish(tenant, publish: bool) -> None:
    with tenant.context():
        contract = AciContract.objects.get()
        aci_contract_update(
            cpts=tenant.cpts,
            payment_rule=contract.payment_rule,
            first_year=contract.first_year,
            publish_summary=publish,
        )
    connection.set_schema_to_public()


def test_nothing_is_public_until_the_cpts_publishes_its_summary(year_2025, alpha_client, beta_client):
    response = alpha_client.get("/api/v2/aci/years/2025/")
    assert response.status_code == 404 and response.json()["error"]["code"] == "not_found"
    assert alpha_client.get("/api/v2/aci/years/2025/report.pdf").status_code == 403
    _publish(year_2025, True)
    summary = alpha_client.get("/api/v2/aci/years/2025/").json()
    assert summary["year"] == 2025 and "missing" not in summary and "actions" not in summary["missions"][1]
    assert beta_client.get("/api/v2/aci/years/2025/").status_code == 404  # Beta has no year: its own schema


def test_the_team_reads_every_figure_and_the_report_and_they_match_the_admin_s(year_2025, alpha_client):
    login(alpha_client, year_2025)
    full = alpha_client.get("/api/v2/aci/years/2025/").json()
    assert full["missing"] == [] or isinstance(full["missing"], list)
    assert {"baseline", "weight", "levels", "source"} <= set(full["missions"][1]["indicators"][0])
    pdf = alpha_client.get("/api/v2/aci/years/2025/report.pdf")
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    assert alpha_client.get("/api/v2/aci/years/2025/report.xlsx").status_code == 200
    assert alpha_client.get("/api/v2/aci/years/2025/report.doc").status_code == 404
    assert alpha_client.get("/api/v2/aci/years/2031/").status_code == 404


@pytest.mark.parametrize("kept_seconds", [0, 300], ids=["sans-cache", "reponses-gardees"])
def test_a_value_typed_shows_at_once_in_the_published_summary(
    year_2025, alpha_client, settings, kept_seconds
):
    from django.core.cache import cache

    cache.clear()
    # With answers kept for visitors (tenants.response_cache), the write below shows at once.
    settings.CPTS_RESPONSE_CACHE_SECONDS = kept_seconds
    _publish(year_2025, True)
    before = alpha_client.get("/api/v2/aci/years/2025/").json()["totals"]["earned"]
    assert alpha_client.get("/api/v2/aci/years/2025/").json()["totals"]["earned"] == before
    with year_2025.context():
        row = AciIndicatorYear.objects.get(indicator__name="Actions de dépistage")
        row.value = 6
        row.save()
    connection.set_schema_to_public()
    after = alpha_client.get("/api/v2/aci/years/2025/").json()["totals"]["earned"]
    assert float(after) > float(before)


@pytest.mark.parametrize("kept_seconds", [0, 300], ids=["sans-cache", "reponses-gardees"])
def test_the_home_page_shows_the_summary_only_while_the_cpts_publishes_it(
    year_2025, alpha_client, settings, kept_seconds, django_capture_on_commit_callbacks
):
    from django.core.cache import cache

    cache.clear()
    # With answers kept for visitors, each choice shows at once (its commit bumps the schema's version).
    settings.CPTS_RESPONSE_CACHE_SECONDS = kept_seconds
    assert "Financement obtenu" not in alpha_client.get("/").content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        _publish(year_2025, True)
    page = alpha_client.get("/").content.decode()
    assert "exercice 2025" in page and "Financement obtenu" in page
    with django_capture_on_commit_callbacks(execute=True):
        _publish(year_2025, False)
    assert "Financement obtenu" not in alpha_client.get("/").content.decode()
