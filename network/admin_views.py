"""The federation's coverage dashboard, inside its admin (public schema)."""

from django.contrib import admin
from django.http import Http404
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from tenants.models import Stage

from .commune_maps import department_coverage_map
from .coverage import DEFAULT_DEFINITION, Definition
from .maps import coverage_map, shapes_source
from .models import Department, Region
from .prevention import PreventionTheme
from .selectors import coverage_by_department, coverage_by_region, coverage_national, network_campaigns
from .serializers import CampaignFiltersSerializer

BAR_LIMIT = 15


def coverage_definition(request) -> tuple[str, str]:
    """The ``definition`` asked for (the default when none), and a French error for an unknown one."""
    asked = request.GET.get("definition") or DEFAULT_DEFINITION
    if asked in Definition.values:
        return asked, ""
    choices = ", ".join(str(label) for label in Definition.labels)
    return DEFAULT_DEFINITION, _("Définition de la couverture inconnue (choix : %(choices)s).") % {
        "choices": choices
    }


def coverage_chain(coverage, *, href) -> list[dict]:
    """The breadcrumb of a coverage level: France, its region, its department, each a link but the last."""
    chain = [*coverage.parents, (coverage.level, coverage.code, coverage.name)]
    return [
        {"name": name, "href": "" if index == len(chain) - 1 else href(level, code)}
        for index, (level, code, name) in enumerate(chain)
    ]


def coverage_dashboard(request):
    region = request.GET.get("region")
    department = request.GET.get("department")
    definition, error = coverage_definition(request)
    try:
        if department:
            coverage = coverage_by_department(department, definition=definition)
        elif region:
            coverage = coverage_by_region(region, definition=definition)
        else:
            coverage = coverage_national(definition=definition)
    except (Region.DoesNotExist, Department.DoesNotExist) as error_:
        raise Http404(_("Territoire inconnu.")) from error_
    # The national map shows every department; a region's or a department's, its region's.
    map_region = {"national": None, "region": coverage.code}.get(
        coverage.level, coverage.parents[-1][1] if coverage.parents else None
    )
    keep = f"&definition={definition}"

    def href(level: str, code: str) -> str:
        return f"?definition={definition}" if level == "national" else f"?{level}={code}{keep}"

    chosen_cpts = next((c for c in coverage.cpts if c.short_name == request.GET.get("cpts")), None)
    source, licence = shapes_source()
    biggest_uncovered = coverage.uncovered[:BAR_LIMIT]
    max_uncovered = max((c["population"] for c in biggest_uncovered), default=1) or 1
    context = {
        **admin.site.each_context(request),  # the FederationAdminSite
        "title": _("Couverture du réseau : %(name)s") % {"name": coverage.name},
        "coverage": coverage,
        "chain": coverage_chain(coverage, href=href),
        "chosen_cpts": chosen_cpts,
        "definition_error": error,
        "definitions": Definition.choices,
        "region_code": map_region or "",
        "region_departments": Department.objects.filter(region_id=map_region) if map_region else [],
        "export_base": _export_base(coverage),
        "child_level": "region" if coverage.level == "national" else "department",
        "stages": _with_share(coverage.cpts_by_stage),
        "tiers": _with_share(coverage.cpts_by_tier),
        "uncovered_bars": [
            {**c, "width": round(100 * c["population"] / max_uncovered, 1)} for c in biggest_uncovered
        ],
        "regions": Region.objects.all(),
        "coverage_map": coverage_map(
            region=map_region, href=lambda code: f"?department={code}{keep}", definition=definition
        ),
        "communes_map": _communes_map(coverage),
        "map_source": source,
        "map_licence": licence,
    }
    return TemplateResponse(request, "admin/network/coverage.html", context, status=400 if error else 200)


def _export_base(coverage) -> str:
    """The API path of a level's exports, ``export.csv`` and ``export.xlsx`` appended by the template."""
    return {
        "national": "/api/network/coverage/",
        "region": f"/api/network/coverage/regions/{coverage.code}/",
        "department": f"/api/network/coverage/departments/{coverage.code}/",
    }[coverage.level]


def _communes_map(coverage):
    """A department's communes, one level below the department map; none above."""
    if coverage.level != "department":
        return None
    return department_coverage_map(
        coverage.code,
        title=_("Communes de %(name)s") % {"name": coverage.name},
        definition=coverage.definition,
    )


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
