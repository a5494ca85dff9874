"""Writes of a CPTS site's identity and legal pages (the caller's schema)."""

from __future__ import annotations

from django.db import transaction
from wagtail.models import Site

from content.legal_texts import FORM_PURPOSES, INTRODUCTIONS, Publisher, legal_html
from content.models import Association, HomePage, LegalPage, Mandate, SiteIdentity
from tenants.models import CPTS
from tenants.selectors import require_schema

from .pages import page_publish, paragraphs

LEGAL_SLUGS = {
    LegalPage.Kind.NOTICE: "mentions-legales",
    LegalPage.Kind.PRIVACY: "donnees-personnelles",
    LegalPage.Kind.ACCESSIBILITY: "accessibilite",
}


def site_identity_for(site: Site) -> SiteIdentity:
    """The site's identity, made with the defaults the first time it is asked for."""
    identity, _ = SiteIdentity.objects.get_or_create(site=site)
    return identity


@transaction.atomic
def site_identity_update(*, site: Site, **fields) -> SiteIdentity:
    """Change the identity's fields after validating them; the stylesheet's version grows."""
    identity = site_identity_for(site)
    for name, value in fields.items():
        setattr(identity, name, value)
    identity.full_clean()
    identity.version += 1
    identity.save()
    return identity


def publisher_of(*, cpts: CPTS, site: Site) -> Publisher:
    """What the legal pages say about the CPTS: its association, president, identity and forms."""
    require_schema(cpts)
    identity = site_identity_for(site)
    association = Association.objects.first()
    president = Mandate.objects.filter(role=Mandate.Role.PRESIDENT, end__isnull=True).first()
    director = identity.publication_director or (
        f"{president.full_name}, président(e) de l'association" if president else ""
    )
    return Publisher(
        name=association.name if association else cpts.name,
        site_url=site.root_url + "/",
        legal_form=association.get_legal_form_display() if association else "",
        address=identity.address or (association.address if association else ""),
        phone=identity.phone,
        email=identity.contact_email or cpts.contact_email,
        registration=(association.rna or association.siret) if association else "",
        director=director,
        host_name=identity.host_name,
        host_address=identity.host_address,
        host_phone=identity.host_phone,
        forms=tuple(FORM_PURPOSES),
    )


@transaction.atomic
def legal_pages_provision(*, cpts: CPTS, rewrite: bool = False) -> list[LegalPage]:
    """The three legal pages under the home page, written from the CPTS's data.

    A page that exists is left as its editor made it, unless ``rewrite`` (the
    demo, after filling in its identity): then its text is written anew.
    """
    require_schema(cpts)
    home = HomePage.objects.first()
    site = Site.objects.filter(root_page=home).first() if home else None
    if site is None:
        return []
    publisher = publisher_of(cpts=cpts, site=site)
    pages = []
    for kind, slug in LEGAL_SLUGS.items():
        body = paragraphs(legal_html(kind, publisher))
        page = LegalPage.objects.filter(kind=kind).first()
        if page is None:
            page = page_publish(
                parent=home,
                page=LegalPage(
                    title=str(LegalPage.Kind(kind).label),
                    slug=slug,
                    kind=kind,
                    introduction=INTRODUCTIONS[kind],
                    body=body,
                    show_in_menus=False,
                    search_description=INTRODUCTIONS[kind],
                ),
            )
        elif rewrite:
            page.body = body
            page.save_revision().publish()
        pages.append(page)
    return pages
