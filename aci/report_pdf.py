"""The annual report as a PDF: an HTML template typeset by WeasyPrint with a print stylesheet.

WeasyPrint, not fpdf2 (the one-page member attestation): the report is a long,
flowing document — tables that break across pages with their header repeated,
running title and « page n sur N » from CSS paged media, French hyphenation
(Pyphen), real fonts (DejaVu) — written as a Django template anyone can edit.
"""

from __future__ import annotations

from pathlib import Path

from django.template.loader import render_to_string

STYLESHEET = Path(__file__).parent / "templates" / "aci" / "report.css"


def report_html(figures: dict) -> str:
    return render_to_string("aci/report.html", {"f": figures})


def _fetch_nothing(url: str, *args, **kwargs):
    # The report needs no image or remote file: a URL typed into an action's title never leaves the server.
    raise ValueError(f"ressource externe refusée : {url[:80]}")


def report_pdf(figures: dict) -> bytes:
    # Imported here: WeasyPrint parses its stylesheets on import (~0.5 s), which every process
    # would pay at start (admin hooks import this module) for a report few of them make.
    from weasyprint import CSS, HTML
    from weasyprint.text.fonts import FontConfiguration

    fonts = FontConfiguration()
    return HTML(string=report_html(figures), url_fetcher=_fetch_nothing).write_pdf(
        stylesheets=[CSS(filename=str(STYLESHEET), font_config=fonts)], font_config=fonts
    )
