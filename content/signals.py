"""Receivers: interfaces that hand lifecycle events to services."""

from .services import site_provision


def provision_site(sender, tenant, **kwargs) -> None:
    """A new CPTS schema gets its home page and Site (sent inside that schema)."""
    site_provision(name=tenant.name, hostname=tenant.primary_host or tenant.domains.first().domain)


def offer_published(sender, instance, **kwargs) -> None:
    from .services.internships import internship_offer_share

    internship_offer_share(page=instance)


def offer_withdrawn(sender, instance, **kwargs) -> None:
    from .services.internships import internship_offer_unshare

    internship_offer_unshare(page_id=instance.pk)


def privacy_changed(sender, instance, **kwargs) -> None:
    from wagtail.models import Page

    from .services.internships import internship_offers_privacy_follow

    section = Page.objects.filter(pk=instance.page_id).first()
    if section is not None:  # None: the section itself is being deleted
        internship_offers_privacy_follow(section=section)


def connect_internships() -> None:
    from django.db.models.signals import post_delete, post_save
    from wagtail.models import PageViewRestriction
    from wagtail.signals import page_published, page_unpublished

    from .models import InternshipOfferPage

    page_published.connect(
        offer_published, sender=InternshipOfferPage, dispatch_uid="content.offer_published"
    )
    page_unpublished.connect(
        offer_withdrawn, sender=InternshipOfferPage, dispatch_uid="content.offer_unpublished"
    )
    post_delete.connect(offer_withdrawn, sender=InternshipOfferPage, dispatch_uid="content.offer_deleted")
    # Privacy set or lifted on a section: its offers leave or rejoin the network's search.
    for signal, uid in ((post_save, "content.privacy_set"), (post_delete, "content.privacy_lifted")):
        signal.connect(privacy_changed, sender=PageViewRestriction, dispatch_uid=uid)
