"""« Contrat ACI › Exercices et rapports » through the admin, as each role uses it."""

import io

import pytest
from django.db import connection
from openpyxl import load_workbook

from aci.models import AciIndicatorYear, AciReport
from network.aci_years import AciYearCopy
from team.roles import BOARD, READING
from tests.conftest import login
from tests.team.test_roles import person, signed_in

from .pdf_text import pdf_text

pytestmark = pytest.mark.django_db


def _table_post(client, year: int, changes: dict[str, str]) -> dict:
    """The year's form as the browser sends it, with ``changes`` (field name → value) applied."""
    from bs4 import BeautifulSoup

    page = client.get(f"/admin/aci-years/{year}/")
    soup = BeautifulSoup(page.content, "html.parser")
    form = next(f for f in soup.find_all("form") if f.find("input", {"name": "ind-TOTAL_FORMS"}))
    data = {}
    for field in form.find_all(["input", "select"]):
        name = field.get("name")
        if not name or field.get("type") == "submit":
            continue
        if field.name == "select":
            chosen = field.find("option", selected=True) or field.find("option")
            data[name] = chosen.get("value", "")
        elif field.get("type") == "checkbox":
            if field.has_attr("checked"):
                data[name] = "on"
        else:
            data[name] = field.get("value", "")
    data.update(changes)
    return data


def test_coordination_opens_a_year_fills_it_transmits_and_the_bureau_validates(signed, alpha_client):
    from content.models import MissionIndicator

    with signed.context():
        MissionIndicator.objects.create(mission="prevention", name="Actions de dépistage", target=6)
    connection.set_schema_to_public()
    login(alpha_client, signed)
    response = alpha_client.post("/admin/aci-years/", {"open": "1", "year": "2025"})
    assert response.status_code == 302 and response["Location"] == "/admin/aci-years/2025/"
    page = alpha_client.get("/admin/aci-years/2025/")
    assert "pas de valeur atteinte" in page.content.decode()
    with signed.context():
        row = AciIndicatorYear.objects.get(indicator__name="Actions de dépistage")
        index = list(AciIndicatorYear.objects.order_by("indicator__mission", "indicator__name")).index(row)
    connection.set_schema_to_public()
    data = _table_post(
        alpha_client, 2025, {f"ind-{index}-value": "3", f"ind-{index}-levels": "pas un palier"}
    )
    refused = alpha_client.post("/admin/aci-years/2025/", data)
    assert refused.status_code == 200 and "valeur:pourcentage" in refused.content.decode()
    data[f"ind-{index}-levels"] = "3:50, 6:100"
    assert alpha_client.post("/admin/aci-years/2025/", data).status_code == 302
    copy = AciYearCopy.objects.get(cpts=signed.cpts, year=2025)
    assert copy.status == "draft" and copy.indicators_missing == 0

    assert alpha_client.post("/admin/aci-years/2025/transmit/").status_code == 302
    locked = alpha_client.post("/admin/aci-years/2025/", data)
    assert "ouvrez une correction" in locked.content.decode()
    copy.refresh_from_db()
    assert copy.status == "transmitted" and copy.transmitted_at is not None

    reader = signed_in(signed, person(signed, READING))
    assert reader.post("/admin/aci-years/2025/validate/", {"reference": "x"}).status_code in (302, 403)
    board = signed_in(signed, person(signed, BOARD))
    board.post("/admin/aci-years/2025/validate/", {"reference": "Dialogue de gestion du 12/03/2026"})
    with signed.context():
        report = AciReport.objects.get()
        assert report.status == "validated" and report.review_reference == "Dialogue de gestion du 12/03/2026"
    connection.set_schema_to_public()

    pdf = reader.get("/admin/aci-years/2025/reports/1.pdf")
    assert pdf["Content-Type"] == "application/pdf"
    text = pdf_text(pdf.content)
    assert "validé" in text and "Actions de dépistage" in text
    sheet = load_workbook(io.BytesIO(board.get("/admin/aci-years/2025/reports/1.xlsx").content))
    assert sheet["Synthèse"]["A1"].value == "Rubrique"
    rows = list(sheet["Indicateurs"].iter_rows(values_only=True))
    assert rows[1][1] == "Actions de dépistage" and rows[1][6] == 3


def test_a_reader_sees_the_year_but_cannot_change_it(year_2025):
    reader = signed_in(year_2025, person(year_2025, READING))
    page = reader.get("/admin/aci-years/2025/")
    assert page.status_code == 200 and "Enregistrer l'exercice" not in page.content.decode()
    assert reader.post("/admin/aci-years/2025/", {}).status_code in (302, 403)
    assert reader.post("/admin/aci-years/", {"open": "1", "year": "2026"}).status_code in (302, 403)
