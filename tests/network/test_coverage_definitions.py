"""Coverage from a stated stage, and the exports an analyst opens in French spreadsheet software."""

import csv
import io

import pytest
from django.db import connection
from openpyxl import load_workbook

from content.services import territory_add_communes
from network.coverage import coverage_counts_drift
from network.models import Commune
from tenants.models import Stage
from tenants.services import cpts_update
from tests.network.coverage_stages import stage_set


def add(tenant_cpts, *codes):
    with tenant_cpts:
        territory_add_communes(cpts=tenant_cpts, codes=list(codes))
    connection.set_schema_to_public()


def pop(*codes) -> int:
    return sum(Commune.objects.filter(code__in=codes).values_list("population", flat=True))


@pytest.fixture
def staged(network, db):
    """alpha (ACI signed) claims Metz, beta (health project validated) Nancy and Metz."""
    stage_set("alpha", stage=Stage.ACI_SIGNED)
    stage_set("beta", stage=Stage.HEALTH_PROJECT_VALIDATED)
    add(network["alpha"].cpts, "57463")
    add(network["beta"].cpts, "54395", "57463")


def covered(client, definition: str | None = None, path: str = "/api/network/coverage/") -> dict:
    query = {"definition": definition} if definition else {}
    return client.get(path, query).json()


def test_each_definition_counts_the_cpts_of_its_stages(federation_client, staged):
    aci = covered(federation_client, "aci_signed")
    project = covered(federation_client, "health_project")
    anything = covered(federation_client, "any")
    assert covered(federation_client)["definition"] == "aci_signed"  # the default, echoed
    assert (aci["definition"], project["definition"], anything["definition"]) == (
        "aci_signed",
        "health_project",
        "any",
    )
    assert aci["definition_label"] == "ACI signé"
    assert aci["totals"]["covered_population"] == pop("57463")
    assert project["totals"]["covered_population"] == pop("57463", "54395")
    # Metz is claimed twice only once beta counts.
    assert aci["totals"]["overlapping_communes"] == 0
    assert project["totals"]["overlapping_communes"] == 1
    stage_set("beta", stage=Stage.IDEA)
    assert covered(federation_client, "health_project")["totals"]["covered_population"] == pop("57463")
    assert covered(federation_client, "any")["totals"]["covered_population"] == pop("57463", "54395")


def test_a_stage_change_moves_every_definition_at_once(federation_client, alpha, staged):
    cpts_update(cpts=alpha.cpts, stage=Stage.IDEA)  # the service an officer's form calls
    assert covered(federation_client, "aci_signed")["totals"]["covered_population"] == 0
    assert covered(federation_client, "health_project")["totals"]["covered_population"] == pop(
        "57463", "54395"
    )
    assert covered(federation_client, "any")["totals"]["overlapping_communes"] == 1
    metz = Commune.objects.get(code="57463")
    assert (metz.cover_count, metz.cover_count_project, metz.cover_count_aci) == (2, 1, 0)
    assert coverage_counts_drift() is False


def test_an_unknown_definition_is_a_400_naming_the_choices(federation_client, db):
    response = federation_client.get("/api/network/coverage/", {"definition": "idea"})
    assert response.status_code == 400
    assert "definition" in response.content.decode()


def test_the_definition_is_in_the_openapi_schema(federation_client, db):
    schema = federation_client.get("/api/network/schema/", HTTP_ACCEPT="application/json")
    if schema.status_code != 200:
        schema = federation_client.get("/api/network/schema/?format=json")
    text = schema.content.decode()
    assert "definition" in text and "/api/network/coverage/departments/{code}/export.{extension}" in text


def read_csv(response) -> list[list[str]]:
    body = response.content
    assert body.startswith("\ufeff".encode())
    return list(csv.reader(io.StringIO(body.decode("utf-8-sig")), delimiter=";"))


def test_the_department_export_carries_totals_cpts_overlaps_and_uncovered(federation_client, staged):
    response = federation_client.get(
        "/api/network/coverage/departments/57/export.csv", {"definition": "health_project"}
    )
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    disposition = response["Content-Disposition"]
    assert disposition.startswith('attachment; filename="couverture-departement-57-moselle-projet-de-sante')
    rows = read_csv(response)
    flat = [";".join(row) for row in rows]
    assert "CPTS comptées : projet de santé validé" in flat
    header = rows.index(
        [
            "Code",
            "Nom",
            "Population",
            "Population couverte",
            "Part couverte",
            "Communes",
            "Communes hors CPTS",
            "Communes dans plusieurs CPTS",
            "CPTS comptées",
        ]
    )
    totals = rows[header + 1]
    assert totals[0] == "57" and int(totals[3]) == pop("57463")
    assert "," in totals[4] and "." not in totals[4]  # a decimal comma
    names = {row[0] for row in rows if row}
    assert {"CPTS", "Chevauchements", "Communes hors CPTS"} <= names
    cpts_rows = [row for row in rows if len(row) == 6 and row[1] in ("alpha", "beta")]
    assert {row[2] for row in cpts_rows} == {"ACI signé", "Projet de santé validé"}
    assert any(row[0] == "57463" and "," in row[4] for row in rows if len(row) == 5)  # Metz, two CPTS


def test_the_xlsx_exports_open_in_openpyxl_with_french_headers(federation_client, staged):
    response = federation_client.get("/api/network/coverage/departments/57/export.xlsx")
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    assert response["Content-Disposition"].endswith('.xlsx"')
    book = load_workbook(io.BytesIO(response.content))
    assert book.sheetnames == ["Totaux", "CPTS", "Chevauchements", "Communes hors CPTS"]
    totals = list(book["Totaux"].values)
    assert totals[1][0] == "CPTS comptées : ACI signé"
    assert totals[2][:3] == ("Code", "Nom", "Population")
    assert totals[3][3] == pop("57463")  # a number, not text
    cpts = list(book["CPTS"].values)
    assert cpts[0] == ("CPTS", "Nom court", "Étape", "Comptée dans la couverture", "Communes", "Population")
    assert {row[1]: row[3] for row in cpts[1:]} == {"alpha": "oui", "beta": "non"}
    national = load_workbook(
        io.BytesIO(federation_client.get("/api/network/coverage/export.xlsx", {"definition": "any"}).content)
    )
    rows = list(national["Régions"].values)
    assert rows[1][0] == "CPTS comptées : toute étape"
    assert rows[-1][0] == "FR" and rows[-1][-1] == "toute étape"
    region = read_csv(federation_client.get("/api/network/coverage/regions/44/export.csv"))
    assert region[0][0].startswith("Couverture : Grand Est (44)")
    assert region[2][0] == "Code" and region[-1][0] == "44"


def test_an_unknown_export_format_is_a_404(federation_client, db):
    assert federation_client.get("/api/network/coverage/export.ods").status_code == 404
