"""Reads behind a CPTS site's computed figures (current schema)."""

from __future__ import annotations

from django.db.models import Prefetch
from wagtail.models import Page

from content.member_counts import member_counts
from content.models.aci import IndicatorValue, MissionIndicator
from content.models.governance import Association, College, Coordinator, Mandate, ProfessionCount
from content.selectors.territory import territory_summary
from tenants.selectors import current_cpts
from tenants.vocabulary import CORE_MISSIONS, Mission


def key_figures() -> dict:
    """Communes, inhabitants and member professionals: derived from data, never typed."""

    cpts = current_cpts()
    # No CPTS row behind the schema (the single-site benchmark, the template): no territory yet.
    summary = territory_summary(cpts=cpts) if cpts else None
    members = sum(row.count for row in member_counts())
    return {
        "communes": summary.commune_count if summary else 0,
        "inhabitants": summary.population if summary else 0,
        "tier": summary.tier if summary else None,
        "member_professionals": members or 0,
    }


def page_key_figures(page) -> dict:
    """The key figures shown on (and served with) a CPTS's home page."""
    return key_figures()


def page_mission_indicators(page) -> list[dict]:
    """The indicators shown on (and served with) a mission's page."""
    return mission_indicators(mission=page.mission)


def mission_indicators(*, mission: str | None = None) -> list[dict]:
    """Indicators with their yearly values, in two queries whatever their number."""
    indicators = MissionIndicator.objects.prefetch_related(
        Prefetch("values", queryset=IndicatorValue.objects.order_by("year"))
    )
    if mission:
        indicators = indicators.filter(mission=mission)
    return [
        {
            "id": indicator.pk,
            "mission": indicator.mission,
            "name": indicator.name,
            "description": indicator.description,
            "unit": indicator.unit,
            "target": indicator.target,
            "values": [{"year": v.year, "value": v.value} for v in indicator.values.all()],
        }
        for indicator in indicators
    ]


def governance() -> dict:
    """The association, current board by role, directors by college, coordinators, counts."""

    mandates = list(Mandate.objects.select_related("college").order_by("role", "-start"))
    current = [m for m in mandates if m.is_current]
    colleges = list(College.objects.all())
    return {
        "association": Association.objects.first(),
        "board": [m for m in current if m.role != Mandate.Role.DIRECTOR],
        "colleges": [
            {"college": college, "directors": [m for m in current if m.college_id == college.pk]}
            for college in colleges
        ],
        "history": [m for m in mandates if not m.is_current],
        "coordinators": list(Coordinator.objects.all()),
        "members": member_counts(),
        "supply": list(ProfessionCount.objects.filter(kind=ProfessionCount.Kind.SUPPLY)),
    }


def aci_missions(*, cpts) -> list[dict]:
    """The six ACI missions, whether the CPTS's contract engages each, and their indicators."""

    indicators = mission_indicators()
    engaged = set(CORE_MISSIONS) | set(cpts.aci_optional_missions)
    return [
        {
            "mission": mission.value,
            "label": str(mission.label),
            "core": mission in CORE_MISSIONS,
            "engaged": bool(cpts.aci_signed_on) and mission in engaged,
            "indicators": [i for i in indicators if i["mission"] == mission.value],
        }
        for mission in Mission
    ]


# Longer input is cut, not refused (as in the students' search).
SITE_QUERY_MAX_CHARS = 300


def site_search(query: str, *, limit: int = 30):
    """Live, public pages of this CPTS's site (pages, campaigns, internship offers) matching ``query``.

    A page under a view restriction (login, password, groups) is never a hit,
    not even its title: its words could otherwise be probed one by one.

    Wagtail's search backend answers: its tables (or Elasticsearch indexes) are
    per schema, so another CPTS's pages cannot appear.
    """

    query = " ".join(query[:SITE_QUERY_MAX_CHARS].split())
    if not query:
        return []
    return list(Page.objects.live().public().specific().search(query, operator="and")[:limit])
