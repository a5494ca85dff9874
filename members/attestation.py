"""The membership attestation: a one-page PDF written from the member's record (fpdf2).

fpdf2 is pure Python and maintained; its built-in Helvetica covers Latin-1,
which is French but for a few signs (œ, €, typographic quotes) spelt out here.
Uncompressed: a page of text weighs a few kilobytes either way, and stays
readable by any tool.
"""

from __future__ import annotations

import unicodedata

from django.utils import formats, timezone
from fpdf import FPDF

from .models.records import Membership

SPELT_OUT = {"œ": "oe", "Œ": "OE", "€": "euros", "’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-"}


def _latin1(text: str) -> str:
    out = []
    for char in text:
        char = SPELT_OUT.get(char, char)
        try:
            char.encode("latin-1")
        except UnicodeEncodeError:
            char = unicodedata.normalize("NFKD", char).encode("ascii", "ignore").decode() or "?"
        out.append(char)
    return "".join(out)


def attestation_pdf(membership: Membership, *, association: str) -> bytes:
    """« ``association`` atteste que … est adhérent(e) depuis le … », dated today."""
    today = formats.date_format(timezone.localdate(), "j F Y")
    since = formats.date_format(membership.member_since, "j F Y") if membership.member_since else ""
    who = membership.name
    if membership.profession:
        who += f", {membership.get_profession_display().lower()}"
    lines = [
        f"{association} atteste que {who}, exerçant à {membership.commune.name} ({membership.commune_id}), "
        f"est adhérent de l'association depuis le {since}.",
        f"Adhésion acceptée par le bureau selon les {membership.statutes_version}.",
    ]
    if membership.fee_year:
        lines.append(f"Cotisation réglée pour l'année {membership.fee_year}.")
    pdf = FPDF(format="A4")
    pdf.set_compression(False)
    pdf.set_title(_latin1(f"Attestation d'adhésion - {association}"))
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 18)
    pdf.cell(0, 14, _latin1("Attestation d'adhésion"), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", size=12)
    pdf.ln(6)
    for line in lines:
        pdf.multi_cell(0, 7, _latin1(line), new_x="LMARGIN", new_y="NEXT")
        pdf.ln(3)
    pdf.ln(8)
    pdf.multi_cell(0, 7, _latin1(f"Fait le {today}, d'après le registre des adhérents de {association}."))
    return bytes(pdf.output())
