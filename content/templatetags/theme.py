"""The theme's identity on every page: a CPTS host's own, the federation's defaults elsewhere.

Computed once per request (kept on the request) because the head, the header
and the footer all read it.
"""

from __future__ import annotations

from django import template
from django.db import connection
from django_tenants.utils import get_public_schema_name
from wagtail.models import Site

from content.selectors.identity import Theme, site_theme

register = template.Library()

FEDERATION_LEGAL = [
    ("Mentions légales", "/mentions-legales/"),
    ("Données personnelles", "/donnees-personnelles/"),
    ("Accessibilité", "/accessibilite/"),
]


def _network_has_demo() -> bool:
    from tenants.models import CPTS

    return CPTS.objects.exclude(demo_notice="").exists()


@register.simple_tag(takes_context=True)
def theme(context) -> Theme:
    request = context.get("request")
    if request is None:
        return Theme(legal=FEDERATION_LEGAL)
    kept = getattr(request, "_cpts_theme", None)
    if kept is not None:
        return kept
    site = None
    if connection.schema_name != get_public_schema_name():
        site = Site.find_for_request(request)
    if site is None:
        found = Theme(site_name="Réseau des CPTS", legal=FEDERATION_LEGAL, demo=_network_has_demo())
    else:
        found = site_theme(site=site, cpts_email=getattr(request.tenant, "contact_email", ""))
        found.demo = bool(getattr(request.tenant, "demo_notice", ""))
    request._cpts_theme = found
    return found
