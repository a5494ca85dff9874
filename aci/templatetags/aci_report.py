"""Amounts and values written the French way in the ACI report and the admin's year table."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from django import template

from tenants.vocabulary import Mission

register = template.Library()

THIN = "\u202f"  # narrow no-break space: French thousands separator, and before « € » and « % »


def _french(value, places: int) -> str:
    if value is None or value == "":
        return "—"
    try:
        number = Decimal(str(value))
    except InvalidOperation:
        return str(value)
    text = f"{number:,.{places}f}".replace(",", THIN).replace(".", ",")
    if places and text.endswith("," + "0" * places):
        text = text[: -(places + 1)]
    return text


@register.filter
def euros(value) -> str:
    text = _french(value, 2)
    return text if text == "—" else f"{text}{THIN}€"


@register.filter
def number(value) -> str:
    return _french(value, 2)


@register.filter
def percent(value) -> str:
    text = _french(value, 1)
    return text if text == "—" else f"{text}{THIN}%"


@register.filter
def mission_label(code: str) -> str:
    """A funding line's name: a mission's label, or the operating costs."""
    if code == "operating":
        return "Fonctionnement de la communauté"
    return str(Mission(code).label) if code in Mission.values else code
