"""French typography for templates: ordinal first days (« 1er mai 2027 ») and French plurals.

Django's ``date`` filter prints « 1 mai » and ``pluralize`` prints « 0 offres »;
French writes « 1er mai » and treats 0 and 1 alike (« 0 offre », « 1 offre »).

    {% load french %}
    {{ offer.start_date|date_fr }}            1er mai 2027
    {{ offer.start_date|date_fr:"month" }}    mai 2027
    {{ offer.start_date|date_fr:"short" }}    1er mai
    offre{{ count|pluriel }}                  offre, offres (after 2 and more)
"""

from __future__ import annotations

import datetime

from django import template
from django.utils import dateformat, translation

register = template.Library()

_FORMATS = {"long": "F Y", "short": "F", "month": "F Y"}


def french_date(value: datetime.date | None, style: str = "long") -> str:
    """« 1er mai 2027 », « 2 mai 2027 »; ``style`` "short" leaves the year out, "month" the day."""
    if not isinstance(value, datetime.date):
        return ""
    with translation.override("fr"):
        rest = dateformat.format(value, _FORMATS.get(style, _FORMATS["long"]))
    if style == "month":
        return rest
    day = "1er" if value.day == 1 else str(value.day)
    return f"{day} {rest}"


@register.filter
def date_fr(value: datetime.date | None, style: str = "long") -> str:
    return french_date(value, style)


@register.filter
def pluriel(count, suffix: str = "s") -> str:
    """``suffix`` for 2 and more; nothing for 0 and 1, as French counts."""
    try:
        return suffix if abs(float(count)) >= 2 else ""
    except (TypeError, ValueError):
        return ""
