"""Writes on a CPTS's own site. Every function runs in the caller's schema."""

from __future__ import annotations

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction
from wagtail.models import Page, Site

from content.models import HomePage, StandardPage


def public_port() -> int:
    """The port people reach the sites on, so Wagtail's absolute URLs are right."""
    if settings.PUBLIC_PORT:
        return int(settings.PUBLIC_PORT)
    return 443 if settings.PUBLIC_SCHEME == "https" else 80


def paragraphs(html: str) -> list[dict]:
    """A body made of one rich-text block, for pages written from code or fixtures."""
    return [{"type": "paragraph", "value": html}] if html else []


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
def page_publish(*, parent: Page, page: Page) -> Page:
    """Add a page under ``parent`` after validating it, and publish it."""
    parent = parent.specific
    if type(page) not in parent.specific_class.allowed_subpage_models():
        raise ValidationError(
            f"Une page « {page._meta.verbose_name} » ne peut pas être placée sous « {parent.title} »."
        )
    # Wagtail picks a page's content type when the object is built; built in
    # another schema, it would carry that schema's numbering.
    page.content_type = ContentType.objects.get_for_model(page)
    parent.add_child(instance=page)
    page.full_clean()
    page.save_revision().publish()
    return page


def standard_page_publish(
    *, parent: Page, title: str, body: str, show_in_menus: bool = True, territory_map: bool = False
) -> StandardPage:
    """A section page of rich text, opened by the « Carte du territoire » block if ``territory_map``."""
    lead = [{"type": "territory_map", "value": {"show_list": True}}] if territory_map else []
    page = StandardPage(title=title, body=lead + paragraphs(body), show_in_menus=show_in_menus)
    return page_publish(parent=parent, page=page)
