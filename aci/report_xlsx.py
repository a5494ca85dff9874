"""The annual report as a spreadsheet for the CPAM: one sheet per topic, numbers as numbers.

Text cells go through ``tenants.spreadsheets.spreadsheet_cell`` (an action titled
« =… » stays text); amounts and values are written as numbers with a French
number format so that the CPAM can add them up.
"""

from __future__ import annotations

import io
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.styles import Font

from tenants.spreadsheets import spreadsheet_cell

EUROS = '#,##0.00 "€"'
BOLD = Font(bold=True)


def _n(value) -> Decimal | None:
    return None if value in (None, "") else Decimal(str(value))


def _sheet(
    book: Workbook, title: str, header: list[str], rows: list[list], money: tuple[int, ...] = ()
) -> None:
    sheet = book.create_sheet(title)
    sheet.append(header)
    for cell in sheet[1]:
        cell.font = BOLD
    for row in rows:
        sheet.append([spreadsheet_cell(value) for value in row])
        for column in money:
            sheet.cell(row=sheet.max_row, column=column + 1).number_format = EUROS
    for column, name in enumerate(header, start=1):
        sheet.column_dimensions[sheet.cell(row=1, column=column).column_letter].width = max(12, len(name) + 4)
    sheet.freeze_panes = "A2"


def report_xlsx(figures: dict) -> bytes:
    book = Workbook()
    book.remove(book.active)
    t = figures["totals"]
    _sheet(
        book,
        "Synthèse",
        ["Rubrique", "Valeur"],
        [
            ["CPTS", figures["cpts"]],
            ["Exercice", figures["year"]],
            ["Année du contrat", figures["contract_year"]],
            ["Grille nationale", figures["grid"]],
            ["Taille", figures["tier"]],
            ["Population", figures["population"]],
            ["Communes", figures["communes"]],
            ["Version du rapport", figures["version"]],
            ["État", figures.get("status_label", "")],
            ["Financement maximal (€)", _n(t["maximum"])],
            ["Financement obtenu (€)", _n(t["earned"])],
            ["dont parts fixes (€)", _n(t["fixed"])],
            ["dont parts variables (€)", _n(t["variable"])],
            ["Avance de l'article 9 (€)", _n(t["advance"])],
        ],
    )
    _sheet(
        book,
        "Financement",
        [
            "Poste",
            "Fixe max.",
            "Fixe obtenu",
            "Variable max.",
            "Variable obtenu",
            "Total max.",
            "Total obtenu",
        ],
        [
            [
                m["label"],
                *(_n(m[k]) for k in ("fixed_max", "fixed", "variable_max", "variable", "maximum", "earned")),
            ]
            for m in figures["missions"]
        ],
        money=(1, 2, 3, 4, 5, 6),
    )
    _sheet(
        book,
        "Indicateurs",
        [
            "Mission",
            "Indicateur",
            "Unité",
            "Départ",
            "Cible",
            "Poids (%)",
            "Valeur atteinte",
            "Payé (%)",
            "Source",
        ],
        [
            [
                m["label"],
                i["name"],
                i["unit"],
                _n(i["baseline"]),
                _n(i["target"]),
                _n(i["weight"]),
                _n(i["value"]),
                _n(i["share"]),
                i["source"],
            ]
            for m in figures["missions"]
            for i in m["indicators"]
        ],
    )
    _sheet(
        book,
        "Actions",
        ["Mission", "Action", "État"],
        [[m["label"], a["title"], a["status"]] for m in figures["missions"] for a in m["actions"]],
    )
    _sheet(
        book,
        "Adhérents",
        ["Profession", "Adhérents"],
        [[r["profession"], r["count"]] for r in figures["members"]],
    )
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
