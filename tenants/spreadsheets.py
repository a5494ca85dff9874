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

import re

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
PLAIN_NUMBER = re.compile(r"-?\d+(?:[.,]\d+)?")


def spreadsheet_cell(value):
    """``value`` as it may go into a CSV cell."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS) and not PLAIN_NUMBER.fullmatch(value):
        return "'" + value
    return value
