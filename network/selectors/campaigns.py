"""The network's listing of prevention campaigns: every CPTS's published campaigns, from their copies."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Q, Sum
from django.db.models.functions import TruncMonth

from network.prevention import NetworkCampaign
from tenants.models import CPTS


@dataclass
class CampaignListing:
    campaigns: list[dict]
    count: int
    page: int
    page_size: int
    cpts_count: int
    population: int
    by_theme: dict[str, int]
    by_month: dict[str, int]


CAMPAIGN_PAGE_SIZE = 50
CAMPAIGN_PAGE_SIZE_MAX = 200


def network_campaigns(
    *,
    theme: str | None = None,
    status: str | None = None,
    region: str | None = None,
    department: str | None = None,
    start: date | None = None,
    end: date | None = None,
    page: int = 1,
    page_size: int = CAMPAIGN_PAGE_SIZE,
) -> CampaignListing:
    """Every CPTS's published campaigns, filtered and paginated, with totals over all matches.

    Six queries whatever the number of CPTS or campaigns; no CPTS schema visited.
    """

    campaigns = NetworkCampaign.objects.all()
    if theme:
        campaigns = campaigns.filter(theme_id=theme)
    if status:
        campaigns = campaigns.filter(status=status)
    if region:
        campaigns = campaigns.filter(
            Q(cpts__territory_regions__contains=[region]) | Q(cpts__region_code=region)
        )
    if department:
        campaigns = campaigns.filter(
            Q(cpts__territory_departments__contains=[department]) | Q(cpts__department_code=department)
        )
    if start:
        campaigns = campaigns.filter(end__gte=start)
    if end:
        campaigns = campaigns.filter(start__lte=end)

    count = campaigns.count()
    by_theme = dict(campaigns.values_list("theme_id").annotate(n=Count("id")).values_list("theme_id", "n"))
    months = campaigns.annotate(month=TruncMonth("start")).values_list("month").annotate(n=Count("id"))
    by_month = {month.strftime("%Y-%m"): n for month, n in months.values_list("month", "n")}
    cpts = CPTS.objects.filter(pk__in=campaigns.values("cpts_id")).aggregate(
        n=Count("pk"), population=Sum("territory_population")
    )
    page_size = max(1, min(page_size, CAMPAIGN_PAGE_SIZE_MAX))
    offset = (max(page, 1) - 1) * page_size
    rows = [
        {
            "cpts": c.cpts.short_name,
            "cpts_name": c.cpts.name,
            "population": c.cpts.territory_population,
            "theme": c.theme_id,
            "theme_name": c.theme.name,
            "title": c.title,
            "status": c.status,
            "start": c.start,
            "end": c.end,
            "url": c.url,
            "target": c.target,
            "professions": c.professions,
            "indicators": c.indicators,
        }
        for c in campaigns.select_related("cpts", "theme").order_by("-start", "cpts__name", "pk")[
            offset : offset + page_size
        ]
    ]
    return CampaignListing(
        campaigns=rows,
        count=count,
        page=max(page, 1),
        page_size=page_size,
        cpts_count=cpts["n"] or 0,
        population=cpts["population"] or 0,
        by_theme=by_theme,
        by_month=dict(sorted(by_month.items())),
    )
