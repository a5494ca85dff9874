"""Receivers: a CPTS's news and event pages followed into the network's posts (syndication.post_pages)."""

from content.page_copies import page_copies_follow

from .post_pages import SHAREABLE, network_post_share, network_post_unshare, network_posts_privacy_follow


def connect() -> None:
    for model in SHAREABLE:
        page_copies_follow(
            model,
            name=f"syndication.{model._meta.model_name}",
            publish=lambda page: network_post_share(page=page),
            withdraw=lambda page_id: network_post_unshare(page_id=page_id),
            privacy_follow=lambda section, model=model: network_posts_privacy_follow(
                section=section, model=model
            ),
        )
