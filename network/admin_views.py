"""The federation's coverage dashboard, inside its admin (public schema)."""

from django.contrib import admin
from django.http import Http404
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from tenants.models import Stage

from .commune_maps import department_coverage_map
from .maps import coverage_map, shapes_source
from .models import Department, Region
from .prevention import PreventionTheme
from .selectors import coverage_by_department, coverage_by_region, coverage_national, network_campaigns
from .serializers import CampaignFiltersSerializer

BAR_LIMIT = 15


def coverage_dashboard(request):
    region = request.GET.get("region")
    department = request.GET.get("department")
    try:
        if department:
            coverage = coverage_by_department(department)
        elif region:
            coverage = coverage_by_region(region)
        else:
            coverage = coverage_national()
    except (Region.DoesNotExist, Department.DoesNotExist) as error:
        raise Http404(_("Territoire inconnu.")) from error
    # The national map shows every department; a region's or a department's, its region's.
    map_region = {"national": None, "region": coverage.code}.get(
        coverage.level,
        Department.objects.filter(code=coverage.code).values_list("region_id", flat=True).first(),
    )
    source, licence = shapes_source()
    biggest_uncovered = coverage.uncovered[:BAR_LIMIT]
    max_uncovered = max((c["population"] for c in biggest_uncovered), default=1) or 1
    context = {
        **admin.site.each_context(request),  # the FederationAdminSite
        "title": _("Couverture du réseau : %(name)s") % {"name": coverage.name},
        "coverage": coverage,
        "child_level": "region" if coverage.level == "national" else "department",
        "stages": _with_share(coverage.cpts_by_stage),
        "tiers": _with_share(coverage.cpts_by_tier),
        "uncovered_bars": [
            {**c, "width": round(100 * c["population"] / max_uncovered, 1)} for c in biggest_uncovered
        ],
        "regions": Region.objects.all(),
        "coverage_map": coverage_map(region=map_region, href=lambda code: f"?department={code}"),
        "communes_map": department_coverage_map(
            coverage.code, title=_("Communes de %(name)s") % {"name": coverage.name}
        )
        if coverage.level == "department"
        else None,
        "map_source": source,
        "map_licence": licence,
    }
    return TemplateResponse(request, "admin/network/coverage.html", context)


def _communes_map(coverage):
    """A department's communes, one level below the department map; none above."""
    if coverage.level != "department":
        return None
    return department_coverage_map(coverage.code, title=_("Communes de %(name)s") % {"name": coverage.name})


def _with_share(counts: dict[str, int]) -> list[dict]:
    labels = dict(Stage.choices)
    total = max(sum(counts.values()), 1)
    return [
        {
            "key": key,
            "label": labels.get(key, _("Tranche %(t)s") % {"t": key}),
            "count": n,
            "width": round(100 * n / total, 1),
        }
        for key, n in counts.items()
    ]


def campaigns_dashboard(request):
    """Every CPTS's published campaigns, by theme and by month, with the same filters as the API."""

    filters = CampaignFiltersSerializer(data={k: v for k, v in request.GET.items() if v})
    errors = {} if filters.is_valid() else filters.errors
    listing = network_campaigns(**(filters.validated_data if not errors else {}))
    themes = dict(PreventionTheme.objects.values_list("code", "name"))
    top_theme = max(listing.by_theme.values(), default=1) or 1
    top_month = max(listing.by_month.values(), default=1) or 1
    context = {
        **admin.site.each_context(request),
        "title": _("Campagnes de prévention du réseau"),
        "listing": listing,
        "errors": errors,
        "themes": themes,
        "regions": Region.objects.all(),
        "theme_bars": [
            {"label": themes.get(code, code), "count": n, "width": round(100 * n / top_theme, 1)}
            for code, n in sorted(listing.by_theme.items(), key=lambda item: -item[1])
        ],
        "month_bars": [
            {"label": month, "count": n, "width": round(100 * n / top_month, 1)}
            for month, n in listing.by_month.items()
        ],
    }
    return TemplateResponse(request, "admin/network/campaigns.html", context)
