"""The theme's identity on every page: a CPTS host's own, the federation's defaults elsewhere.

Computed once per request (kept on the request) because the head, the header
and the footer all read it. A CPTS's theme is also kept by each process under
the versions its host's route was read with (``request.cpts_schema_versions``,
or read for it, ``tenants.schema_versions``): its schema's version and that of the public
tables CPTS pages read (``tenants_cpts`` among them, for the contact address
and the demo notice). Any write to either gives a new version, so a kept theme
is never served after its identity, legal pages, logo or CPTS changed. It was
four to five statements of every CPTS page that was not a kept answer: the
miss path of a network of 1,000 sites (bench/README.md, #41).
"""

from __future__ import annotations

from django import template
from django.conf import settings
from django.db import connection
from django_tenants.utils import get_public_schema_name
from wagtail.models import Site

from content.selectors.identity import Theme, site_theme
from tenants.schema_versions import versions_get

register = template.Library()

# Per process: (schema, site) → (versions, theme). One entry per CPTS site this
# process has served, a few kB each; emptied past this many.
_KEPT_THEMES_MAX = 5_000
_kept_themes: dict[tuple[str, int], tuple[str, Theme]] = {}

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
        found = _cpts_theme(request, site)
    request._cpts_theme = found
    return found


def _cpts_theme(request, site: Site) -> Theme:
    schema, versions = connection.schema_name, None
    # Versions are everyone's only in a cache all processes share (Redis), which is also what
    # turns routes on: with a cache per process, another worker's write would not be seen here.
    if settings.CPTS_ROUTING_CACHE_SECONDS:
        versions = getattr(request, "cpts_schema_versions", None) or versions_get(schema)
    kept = _kept_themes.get((schema, site.pk))
    if versions is not None and kept is not None and kept[0] == versions:
        return kept[1]
    found = site_theme(site=site, cpts_email=getattr(request.tenant, "contact_email", ""))
    found.demo = bool(getattr(request.tenant, "demo_notice", ""))
    if versions is not None:
        if len(_kept_themes) >= _KEPT_THEMES_MAX:
            _kept_themes.clear()
        _kept_themes[schema, site.pk] = (versions, found)
    return found
