"""The federation host's own legal pages and demo notice (public schema: no Wagtail pages there).

Their text comes from the same writer as a CPTS's (``content.legal_texts``);
the federation's data from ``CPTS_FEDERATION_PUBLISHER`` (a dict of
``Publisher`` fields: name, address, phone, email, director, host_name,
host_address, host_phone), what is missing being shown « à compléter ».
An operator who wants other words overrides ``cpts_network/legal_page.html``.
"""

from __future__ import annotations

from dataclasses import fields

from django.conf import settings
from django.http import Http404
from django.template.response import TemplateResponse
from django.views.decorators.http import require_GET

from content.legal_texts import INTRODUCTIONS, Publisher, legal_html
from tenants.models import CPTS

TITLES = {
    "notice": "Mentions légales",
    "privacy": "Données personnelles",
    "accessibility": "Accessibilité",
}
# The federation's host offers no contact form; students apply on each CPTS's site.
FEDERATION_FORMS = ("internship",)
DEMO_TEXT = (
    "Les CPTS nommées « CPTS fictive » sont inventées ; les autres sont décrites d'après des "
    "sources publiques datées, citées sur leur site. Communes et populations : découpage "
    "administratif 2026 (@etalab/decoupage-administratif 6.0.0 ; populations légales 2023, 2017 "
    "pour Mayotte)."
)


def federation_publisher(request) -> Publisher:
    given = getattr(settings, "CPTS_FEDERATION_PUBLISHER", {}) or {}
    known = {f.name for f in fields(Publisher)} - {"site_url", "forms"}
    values = {key: value for key, value in given.items() if key in known}
    values.setdefault("name", "Fédération régionale des CPTS")
    return Publisher(site_url=request.build_absolute_uri("/"), forms=FEDERATION_FORMS, **values)


def _legal_page(kind: str):
    @require_GET
    def view(request):
        body = legal_html(kind, federation_publisher(request))
        context = {"title": TITLES[kind], "introduction": INTRODUCTIONS[kind], "body": body}
        return TemplateResponse(request, "cpts_network/legal_page.html", context)

    view.__name__ = f"federation_{kind}_page"
    return view


federation_notice_page = _legal_page("notice")
federation_privacy_page = _legal_page("privacy")
federation_accessibility_page = _legal_page("accessibility")


@require_GET
def federation_demo_page(request):
    """The demo notice's full text: the network's, then each demo CPTS's own."""
    demos = CPTS.objects.exclude(demo_notice="").order_by("name")
    notices = list(demos.values_list("name", "demo_notice")[:20])
    if not notices:
        raise Http404
    context = {"network_text": DEMO_TEXT, "notices": notices}
    return TemplateResponse(request, "cpts_network/demo_notice.html", context)
