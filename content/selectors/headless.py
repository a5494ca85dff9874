"""What a CPTS's own front end needs besides pages: its settings, its menu, its redirects."""

from __future__ import annotations

from django.db.models import Q
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page, Site

from tenants.models import CPTS
from tenants.selectors import require_schema


def site_menu(site: Site) -> list[dict]:
    """The home page's live, public children shown in menus, in the editor's order: the theme's
    menu (content/templatetags/site_menu.py) and the site API's."""
    children = site.root_page.get_children().live().in_menu().public().order_by("path")
    return [{"id": page.pk, "title": page.title, "url": page.get_url(current_site=site)} for page in children]


def site_settings(*, cpts: CPTS, site: Site) -> dict:
    """Name, address, contact and menu of the CPTS's site (its schema active)."""
    require_schema(cpts)
    return {
        "name": cpts.name,
        "short_name": cpts.short_name,
        "url": site.root_url + "/",
        "contact_email": cpts.contact_email,
        "demo_notice": cpts.demo_notice,
        "home_page_id": site.root_page_id,
        "menu": site_menu(site),
    }


def site_redirects(*, cpts: CPTS, site: Site) -> list[dict]:
    """Wagtail's redirects that apply to this host: its own, and those for every site."""
    require_schema(cpts)
    redirects = (
        Redirect.objects.filter(Q(site=site) | Q(site__isnull=True))
        .select_related("redirect_page")
        .order_by("old_path")
    )
    return [
        {
            "old_path": redirect.old_path,
            "is_permanent": redirect.is_permanent,
            "status": 301 if redirect.is_permanent else 302,
            "location": _location(redirect, site),
        }
        for redirect in redirects
    ]


def _location(redirect: Redirect, site: Site) -> str | None:
    page: Page | None = redirect.redirect_page
    if page is not None:
        return page.get_url(current_site=site) if page.live else None
    return redirect.redirect_link or None
