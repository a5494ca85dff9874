"""Wagtail's export of contact-form submissions, with formula-like text written as text."""

from wagtail.contrib.forms.views import SubmissionsListView

from tenants.spreadsheets import spreadsheet_cell


class ContactSubmissionsListView(SubmissionsListView):
    """A visitor's message starting with ``=`` must not run in the coordinator's spreadsheet."""

    def write_csv_row(self, writer, row_dict):
        return super().write_csv_row(writer, {field: spreadsheet_cell(v) for field, v in row_dict.items()})
