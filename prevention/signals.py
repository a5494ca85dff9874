"""Receivers: Wagtail's publication events hand campaigns to prevention.services."""

from content.page_copies import page_copies_follow

from .models import CampaignPage
from .services import campaign_copies_privacy_follow, campaign_publish_copy, campaign_withdraw_copy


def connect() -> None:
    page_copies_follow(
        CampaignPage,
        name="prevention.campaign_copies",
        publish=lambda page: campaign_publish_copy(page=page),
        withdraw=lambda page_id: campaign_withdraw_copy(page_id=page_id),
        privacy_follow=lambda section: campaign_copies_privacy_follow(section=section),
    )
