"""The federation host's main navigation: one list, in one order, on every page it serves.

Each page used to write its own, so the links and their order changed from page to page
(WCAG 3.2.3) and the legal pages had none. The wiring knows every app's address.
"""

from __future__ import annotations

from django import template
from django.db import connection
from django_tenants.utils import get_public_schema_name

register = template.Library()

FEDERATION_NAV = (
    ("CPTS du réseau", "/"),
    ("Trouver ma CPTS", "/trouver-ma-cpts/"),
    ("Professionnels", "/professionnels/"),
    ("Stages", "/stages/"),
    ("Agenda", "/agenda/"),
    ("Actualités", "/actualites/"),
    ("Observatoire", "/observatoire/"),
    ("API", "/api/network/docs/"),
    ("Espace fédération", "/admin/"),
)


@register.simple_tag(takes_context=True)
def federation_nav(context) -> list[tuple[str, str, bool]]:
    """(label, address, whether it is the page shown) on the federation's host; nothing on a CPTS's."""
    if connection.schema_name != get_public_schema_name():
        return []
    request = context.get("request")
    path = request.path if request is not None else ""
    return [
        (label, url, path == url if url == "/" else path.startswith(url))
        for label, url in FEDERATION_NAV
    ]
