"""The demo's ACI years: two years of fictitious values, loaded twice without change."""

import pytest
from django.db import connection

from aci.models import AciIndicatorYear, AciReport, AciYear
from cpts_network.demo.aci import demo_aci_load
from network.aci_years import AciYearCopy
from tests.conftest import login

from .pdf_text import pdf_text

pytestmark = pytest.mark.django_db


def test_a_demo_cpts_without_a_contract_gets_no_year(beta):
    with beta.context():
        demo_aci_load(short_name=beta.cpts.short_name)
        assert not AciYear.objects.exists()


def test_demo_years_are_idempotent_marked_fictitious_and_the_2025_report_downloads(signed, alpha_client):
    alpha = signed
    with alpha.context():
        demo_aci_load(short_name=alpha.cpts.short_name)
        demo_aci_load(short_name=alpha.cpts.short_name)
        assert sorted(AciYear.objects.values_list("year", flat=True)) == [2024, 2025]
        assert AciReport.objects.get(aci_year__year=2024).status == "validated"
        assert AciReport.objects.get(aci_year__year=2025).status == "draft"
        typed = AciIndicatorYear.objects.filter(source="typed", weight__gt=0)
        assert typed.exists() and all(
            "fictif" in row.indicator.name for row in typed.select_related("indicator")
        )
    connection.set_schema_to_public()
    assert AciYearCopy.objects.filter(cpts=alpha.cpts).count() == 2
    login(alpha_client, alpha)
    pdf = alpha_client.get("/api/v2/aci/years/2025/report.pdf")
    assert pdf.status_code == 200
    text = pdf_text(pdf.content)
    assert "Rapport annuel 2025" in text and "(fictif)" in text
