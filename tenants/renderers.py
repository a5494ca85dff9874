"""CSV for list-like API responses: ``?format=csv`` on any endpoint that offers it."""

import csv
import io

from rest_framework.renderers import BaseRenderer

from tenants.spreadsheets import spreadsheet_cell


class CSVRenderer(BaseRenderer):
    """Renders a list of flat dicts; the view decides which rows a CSV export holds."""

    media_type = "text/csv"
    format = "csv"
    charset = "utf-8"

    def render(self, data, accepted_media_type=None, renderer_context=None):
        if isinstance(data, dict):  # a single object: one row
            data = [data]
        rows = list(data or [])
        buffer = io.StringIO()
        # A BOM so that spreadsheet software opens accents correctly.
        buffer.write("\ufeff")
        if rows:
            writer = csv.DictWriter(buffer, fieldnames=list(rows[0]), delimiter=";")
            writer.writeheader()
            for row in rows:
                writer.writerow({k: _cell(v) for k, v in row.items()})
        return buffer.getvalue().encode("utf-8")


def _cell(value):
    if isinstance(value, list | tuple):
        value = ", ".join(str(v) for v in value)
    return spreadsheet_cell(value)
