"""Cells that a spreadsheet would read as a formula are written as text.

A campaign title, an offer's host name or a contact-form message starting with
``=``, ``+``, ``-``, ``@`` (or a tab or carriage return, which some software
skips before looking) is run as a formula when a federation officer opens the
CSV (OWASP "CSV injection"). Such a text cell gets a leading apostrophe, the
convention spreadsheets show as "this is text". Numbers, including negative
ones, stay numbers.

At the bottom of the stack (``tenants``) because every layer writes CSV: the
network's API renderer, Wagtail's form export, the audit journal.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
PLAIN_NUMBER = re.compile(r"-?\d+(?:[.,]\d+)?")


def spreadsheet_cell(value):
    """``value`` as it may go into a CSV cell."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS) and not PLAIN_NUMBER.fullmatch(value):
        return "'" + value
    return value


# --- Files an analyst opens in French spreadsheet software (LibreOffice, Excel in French) -----------
#
# A French spreadsheet reads « ; » between cells and a comma before decimals, and
# guesses the encoding from a byte-order mark; a workbook (.xlsx) carries
# numbers as numbers and several tables as several sheets.


@dataclass(frozen=True)
class Sheet:
    """One table: a title (the sheet's name), French headers and rows of cells (numbers stay numbers)."""

    title: str
    headers: list[str]
    rows: list[list]
    # Lines above the table (what it counts, with which definition): text cells, one per line.
    notes: list[str] = field(default_factory=list)


def _french_number(value):
    if isinstance(value, float):
        return f"{value:.4f}".rstrip("0").rstrip(".").replace(".", ",")
    return value


def sheets_csv(sheets: list[Sheet]) -> bytes:
    """``sheets`` as one CSV (UTF-8 with BOM, ``;``, decimal commas); several tables one after the
    other, each under its title, a blank line between them."""
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    for index, sheet in enumerate(sheets):
        if index:
            writer.writerow([])
        if len(sheets) > 1:
            writer.writerow([sheet.title])
        for note in sheet.notes:
            writer.writerow([spreadsheet_cell(note)])
        writer.writerow(sheet.headers)
        for row in sheet.rows:
            writer.writerow([spreadsheet_cell(_french_number(cell)) for cell in row])
    return buffer.getvalue().encode("utf-8")


def sheets_xlsx(sheets: list[Sheet]) -> bytes:
    """``sheets`` as an Office Open XML workbook, one worksheet per table, headers in bold."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    workbook.remove(workbook.active)
    for sheet in sheets:
        # A worksheet's name is at most 31 characters, without []:*?/\.
        worksheet = workbook.create_sheet(re.sub(r"[\[\]:*?/\\]", " ", sheet.title)[:31])
        for note in sheet.notes:
            worksheet.append([note])
        worksheet.append(sheet.headers)
        for cell in worksheet[worksheet.max_row]:
            cell.font = Font(bold=True)
        for row in sheet.rows:
            worksheet.append(row)
            for cell in worksheet[worksheet.max_row]:
                if isinstance(cell.value, str) and cell.value.startswith("="):
                    cell.data_type = "s"  # text, never a formula (openpyxl reads « = » as one)
        for column, header in zip(worksheet.columns, sheet.headers, strict=False):
            worksheet.column_dimensions[column[0].column_letter].width = max(12, min(len(header) + 4, 50))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CSV_TYPE = "text/csv; charset=utf-8"
