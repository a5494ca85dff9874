from .aci import IndicatorValue, MissionIndicator
from .governance import Association, College, Coordinator, Mandate, ProfessionCount
from .identity import LegalPage, SiteIdentity
from .internships import InternshipIndexPage, InternshipOfferPage
from .pages import HomePage, StandardPage
from .preview import PreviewToken
from .tags import NewsArticleTag
from .territory import TerritoryCommune
from .webhooks import PageEvent, WebhookDelivery, WebhookEndpoint

__all__ = [
    "Association",
    "College",
    "Coordinator",
    "HomePage",
    "InternshipIndexPage",
    "InternshipOfferPage",
    "IndicatorValue",
    "LegalPage",
    "Mandate",
    "MissionIndicator",
    "NewsArticleTag",
    "PreviewToken",
    "ProfessionCount",
    "SiteIdentity",
    "StandardPage",
    "PageEvent",
    "TerritoryCommune",
    "WebhookDelivery",
    "WebhookEndpoint",
]
