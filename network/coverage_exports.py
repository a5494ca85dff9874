"""Coverage exports an analyst opens in French spreadsheet software: CSV and xlsx, French headers.

National and regional exports are one table (regions, departments) with the
definition of coverage on every row; a department's export carries its
totals, its CPTS, the communes claimed twice and every commune in no CPTS,
each a table (a sheet of the workbook, a section of the CSV).
"""

from __future__ import annotations

from django.http import HttpResponse
from django.utils import timezone
from django.utils.text import slugify

from tenants.spreadsheets import CSV_TYPE, XLSX_TYPE, Sheet, sheets_csv, sheets_xlsx

from .selectors.coverage import Coverage, CoverageFigures, uncovered_in_department

FORMATS = ("csv", "xlsx")
FIGURE_HEADERS = [
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
KIND = {"commune": "commune", "arrondissement": "arrondissement municipal"}


def _figures_row(figures: CoverageFigures, definition: str) -> list:
    return [
        figures.code,
        figures.name,
        figures.population,
        figures.covered_population,
        figures.covered_share,
        figures.communes,
        figures.uncovered_communes,
        figures.overlapping_communes,
        definition,
    ]


def _notes(coverage: Coverage) -> list[str]:
    return [
        f"Couverture : {coverage.name} ({coverage.code}), le {timezone.localdate():%d/%m/%Y}",
        coverage.definition_sentence,
    ]


def coverage_sheets(coverage: Coverage) -> list[Sheet]:
    """The tables of ``coverage``'s export (a department's: totals, CPTS, overlaps, uncovered)."""
    label = coverage.definition_label
    if coverage.level != "department":
        title = "Régions" if coverage.level == "national" else "Départements"
        rows = [_figures_row(child, label) for child in coverage.children]
        rows.append(_figures_row(coverage.totals, label))
        return [Sheet(title, FIGURE_HEADERS, rows, notes=_notes(coverage))]
    counted = set(coverage.counted_stages)
    return [
        Sheet("Totaux", FIGURE_HEADERS, [_figures_row(coverage.totals, label)], notes=_notes(coverage)),
        Sheet(
            "CPTS",
            ["CPTS", "Nom court", "Étape", "Comptée dans la couverture", "Communes", "Population"],
            [
                [
                    c.name,
                    c.short_name,
                    c.stage_label,
                    "oui" if c.stage in counted else "non",
                    c.communes,
                    c.population,
                ]
                for c in coverage.cpts
            ],
        ),
        Sheet(
            "Chevauchements",
            ["Code INSEE", "Commune", "Type", "Population", "CPTS"],
            [
                [
                    o["code"],
                    o["name"],
                    KIND[o["kind"]],
                    o["population"],
                    ", ".join(c["name"] for c in o["cpts"]),
                ]
                for o in coverage.overlaps
            ],
        ),
        Sheet(
            "Communes hors CPTS",
            ["Code INSEE", "Commune", "Type", "Population"],
            [
                [u["code"], u["name"], KIND[u["kind"]], u["population"]]
                for u in uncovered_in_department(coverage.code, definition=coverage.definition)
            ],
        ),
    ]


def coverage_export_name(coverage: Coverage, extension: str) -> str:
    level = {"national": "france", "region": "region", "department": "departement"}[coverage.level]
    code = "" if coverage.level == "national" else f"-{coverage.code}"
    return (
        f"couverture-{level}{code}-{slugify(coverage.name)}-{slugify(coverage.definition_label)}"
        f"-{timezone.localdate():%Y-%m-%d}.{extension}"
    )


def coverage_export_response(coverage: Coverage, extension: str) -> HttpResponse:
    """The export as a download: its file name through Content-Disposition."""
    sheets = coverage_sheets(coverage)
    if extension == "xlsx":
        response = HttpResponse(sheets_xlsx(sheets), content_type=XLSX_TYPE)
    else:
        response = HttpResponse(sheets_csv(sheets), content_type=CSV_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{coverage_export_name(coverage, extension)}"'
    return response
