"""Receivers: Wagtail's publication events hand campaigns to prevention.services."""

from django.db.models.signals import post_delete, post_save
from wagtail.models import PageViewRestriction
from wagtail.signals import page_published, page_unpublished


def on_published(sender, instance, **kwargs) -> None:
    from .services import campaign_publish_copy

    campaign_publish_copy(page=instance)


def on_withdrawn(sender, instance, **kwargs) -> None:
    from .services import campaign_withdraw_copy

    campaign_withdraw_copy(page_id=instance.pk)


def on_privacy_changed(sender, instance, **kwargs) -> None:
    from wagtail.models import Page

    from .services import campaign_copies_privacy_follow

    section = Page.objects.filter(pk=instance.page_id).first()
    if section is not None:  # None: the section itself is being deleted
        campaign_copies_privacy_follow(section=section)


def connect() -> None:
    from .models import CampaignPage

    page_published.connect(on_published, sender=CampaignPage, dispatch_uid="prevention.published")
    page_unpublished.connect(on_withdrawn, sender=CampaignPage, dispatch_uid="prevention.unpublished")
    post_delete.connect(on_withdrawn, sender=CampaignPage, dispatch_uid="prevention.deleted")
    for signal, uid in ((post_save, "prevention.privacy_set"), (post_delete, "prevention.privacy_lifted")):
        signal.connect(on_privacy_changed, sender=PageViewRestriction, dispatch_uid=uid)
