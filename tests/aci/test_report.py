"""The annual report: its figures equal a recomputation by hand, its PDF reads back, its versions lock."""

import time
from decimal import Decimal as D

import pytest
from django.db import connection

from aci.models import AciYear
from aci.report_pdf import report_pdf
from aci.selectors import aci_year_get, latest_report, report_figures
from network.funding import FundingLine

from .conftest import VALUES
from .pdf_text import pdf_text

pytestmark = pytest.mark.django_db


def test_pdf_of_the_year_has_every_section_and_is_made_in_under_a_second(year_2025):
    with year_2025.context():
        aci_year = aci_year_get(2025)
        figures = report_figures(latest_report(aci_year), cpts=year_2025.cpts)
        report_pdf(figures)  # fonts loaded once, as in a running server
        start = time.perf_counter()
        pdf = report_pdf(figures)
        elapsed = time.perf_counter() - start
    text = pdf_text(pdf)
    assert elapsed < 1.0, elapsed
    for expected in (
        "Rapport annuel 2025",
        "Territoire et population",
        "Adhérents et professions",
        "Parcours formalisés",
        "Financement obtenu et financement maximal",
        "Page 1 sur",
    ):
        assert expected in text, expected


def _recompute_by_hand(tier: int, signed_year: int, year: int) -> dict:
    """The year's money from the grid's rows and the values typed, without the product's code:
    fixed parts in full, variable = max × Σ weight × min(value / target, 1) (baseline 0)."""
    lines = {
        (line.item, line.part): getattr(line, f"tier_{tier}")
        for line in FundingLine.objects.filter(
            grid__is_partial=False, grid__valid_from__year__lte=year
        ).filter(
            grid=FundingLine.objects.filter(grid__is_partial=False).order_by("-grid__valid_from")[0].grid
        )
    }
    crisis = lines[("health_crises", "first_year" if year == signed_year else "following_years")]
    fixed = lines[("operating", "total")] + crisis
    variable = D(0)
    variable_max = D(0)
    for mission in ("access_to_care", "care_pathways", "prevention"):
        fixed += lines[(mission, "fixed")]
        variable_max += lines[(mission, "variable")]
        achieved = sum(w / 100 * min(v / t, D(1)) for (m, t, w, v) in VALUES.values() if m == mission)
        variable += lines[(mission, "variable")] * achieved
    return {"fixed": fixed, "variable": variable.quantize(D("0.01")), "maximum": fixed + variable_max}


def test_report_numbers_equal_an_independent_recomputation_from_the_grid_and_the_values(year_2025):
    with year_2025.context():
        figures = report_figures(latest_report(aci_year_get(2025)), cpts=year_2025.cpts)
    expected = _recompute_by_hand(figures["tier"], 2024, 2025)
    assert D(figures["totals"]["fixed"]) == expected["fixed"]
    assert D(figures["totals"]["variable"]) == expected["variable"]
    assert D(figures["totals"]["earned"]) == expected["fixed"] + expected["variable"]
    assert D(figures["totals"]["maximum"]) == expected["maximum"]
    # Access to care: 60 % × 150/200 + 40 % × 30/30 = 85 % of its variable part.
    access = next(m for m in figures["missions"] if m["mission"] == "access_to_care")
    assert access["achievement"] == "85.0"


def test_a_transmitted_version_keeps_its_figures_when_a_correction_changes_the_year(year_2025, alpha_client):
    from aci.services import aci_report_correct, aci_report_transmit, aci_report_validate

    with year_2025.context():
        aci_year = AciYear.objects.get(year=2025)
        first = aci_report_transmit(cpts=year_2025.cpts, aci_year=aci_year, by="coord@alpha.test")
        earned_before = first.snapshot["totals"]["earned"]
        aci_report_validate(
            cpts=year_2025.cpts, aci_year=aci_year, by="bureau", reference="CR CPAM 2026-03-12"
        )
        with pytest.raises(Exception, match="ouvrez une correction"):
            from aci.services import aci_year_recount

            aci_year_recount(cpts=year_2025.cpts, aci_year=aci_year)
        aci_report_correct(cpts=year_2025.cpts, aci_year=aci_year)
        row = aci_year.indicators.get(indicator__name="Actions de dépistage")
        row.value = D(6)
        row.save()
        first.refresh_from_db()
        old = report_figures(first, cpts=year_2025.cpts)
        new = report_figures(latest_report(aci_year), cpts=year_2025.cpts)
    connection.set_schema_to_public()
    assert old["totals"]["earned"] == earned_before
    assert old["status"] == "validated" and old["review_reference"] == "CR CPAM 2026-03-12"
    assert D(new["totals"]["earned"]) > D(earned_before)
    assert new["version"] == 2 and new["status"] == "draft"
