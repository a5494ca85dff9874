"""Receivers: a CPTS's offer pages followed into the network's listing (search.offer_pages)."""

from content.models import InternshipOfferPage
from content.page_copies import page_copies_follow

from .offer_pages import internship_offer_share, internship_offer_unshare, internship_offers_privacy_follow


def connect() -> None:
    page_copies_follow(
        InternshipOfferPage,
        name="search.internship_listings",
        publish=lambda page: internship_offer_share(page=page),
        withdraw=lambda page_id: internship_offer_unshare(page_id=page_id),
        privacy_follow=lambda section: internship_offers_privacy_follow(section=section),
    )
