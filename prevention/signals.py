"""Receivers: Wagtail's publication events hand campaigns to prevention.services."""

from django.db.models.signals import post_delete
from wagtail.signals import page_published, page_unpublished


def on_published(sender, instance, **kwargs) -> None:
    from .services import campaign_publish_copy

    campaign_publish_copy(page=instance)


def on_withdrawn(sender, instance, **kwargs) -> None:
    from .services import campaign_withdraw_copy

    campaign_withdraw_copy(page_id=instance.pk)


def connect() -> None:
    from .models import CampaignPage

    page_published.connect(on_published, sender=CampaignPage, dispatch_uid="prevention.published")
    page_unpublished.connect(on_withdrawn, sender=CampaignPage, dispatch_uid="prevention.unpublished")
    post_delete.connect(on_withdrawn, sender=CampaignPage, dispatch_uid="prevention.deleted")
