"""Writes on a CPTS's own site. Every function runs in the caller's schema."""

from django.conf import settings
from django.db import transaction
from wagtail.models import Page, Site

from content.models import HomePage, StandardPage


def public_port() -> int:
    """The port people reach the sites on, so Wagtail's absolute URLs are right."""
    if settings.PUBLIC_PORT:
        return int(settings.PUBLIC_PORT)
    return 443 if settings.PUBLIC_SCHEME == "https" else 80


@transaction.atomic
def site_provision(*, name: str, hostname: str) -> HomePage:
    """Replace Wagtail's placeholder page and site with the CPTS's home page and Site.

    The template schema holds what Wagtail's migrations create: a root page, a
    "Welcome" page and a Site on localhost. A CPTS gets a home page named
    after it, served on its own host.
    """
    root = Page.get_first_root_node()
    Site.objects.all().delete()
    for placeholder in root.get_children().specific():
        placeholder.delete()
    home = HomePage(title=name, slug="accueil", seo_title=name)
    root.add_child(instance=home)
    home.save_revision().publish()
    Site.objects.create(
        hostname=hostname, port=public_port(), root_page=home, is_default_site=True, site_name=name
    )
    return home


@transaction.atomic
def home_page_update(*, introduction: str) -> HomePage:
    home = HomePage.objects.get()
    home.introduction = introduction
    home.save_revision().publish()
    return home


@transaction.atomic
def standard_page_publish(*, parent: Page, title: str, body: str, show_in_menus: bool = True) -> StandardPage:
    page = StandardPage(title=title, body=body, show_in_menus=show_in_menus)
    parent.add_child(instance=page)
    page.full_clean()
    page.save_revision().publish()
    return page
