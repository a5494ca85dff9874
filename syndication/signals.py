"""Receivers: a CPTS's news and event pages followed into the network's posts (syndication.post_pages).

A page saved where no CPTS is active (the content apps run as a single-site
Wagtail, as the benchmarks' baseline does) belongs to no network: nothing is
shared. In a network every page lives in a CPTS's schema.
"""

from collections.abc import Callable

from content.page_copies import page_copies_follow
from tenants.selectors import current_cpts

from .post_pages import SHAREABLE, network_post_share, network_post_unshare, network_posts_privacy_follow


def _in_a_cpts(receiver: Callable) -> Callable:
    def guarded(*args):
        if current_cpts() is not None:
            receiver(*args)

    return guarded


def connect() -> None:
    for model in SHAREABLE:
        page_copies_follow(
            model,
            name=f"syndication.{model._meta.model_name}",
            publish=_in_a_cpts(lambda page: network_post_share(page=page)),
            withdraw=_in_a_cpts(lambda page_id: network_post_unshare(page_id=page_id)),
            privacy_follow=_in_a_cpts(
                lambda section, model=model: network_posts_privacy_follow(section=section, model=model)
            ),
        )
