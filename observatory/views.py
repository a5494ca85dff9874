"""The « Observatoire » on the federation's host: pages of open values, their fields, their files."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from network.maps import shapes_source
from network.models import Department, Region
from network.observatory import IndicatorDefinition

from . import opendata
from .charts import figures_map as department_figures_map
from .charts import histogram_chart
from .selectors import (
    audiences_for,
    catalogue_with_years,
    indicator_rollup,
    latest_year,
)
from .serializers import RollupParamsSerializer


@require_GET
def observatory_home(request: HttpRequest) -> HttpResponse:
    audiences = audiences_for(federation=False)
    entries = catalogue_with_years(audiences=audiences)
    missions: dict[str, list] = {}
    for indicator, years in entries:
        missions.setdefault(indicator.get_mission_display(), []).append(
            {"indicator": indicator, "years": years}
        )
    return render(request, "observatory/home.html", {"missions": missions, "audience": "open"})


@require_GET
def indicator_page(request: HttpRequest, code: str) -> HttpResponse:
    return indicator_view(request, code, federation=False, template="observatory/indicator.html")


def indicator_view(request: HttpRequest, code: str, *, federation: bool, template: str) -> HttpResponse:
    """An indicator's figures for a year and an area; the federation's admin reuses it with shared values."""
    indicator = IndicatorDefinition.objects.filter(code=code).first()
    if indicator is None:
        raise Http404
    params = RollupParamsSerializer.from_query(request.GET, year_name="annee")
    region = request.GET.get("region", "").strip()
    department = request.GET.get("departement", "").strip()
    errors = {} if params.is_valid() else {"annee": params.errors["year"]}
    if region and not Region.objects.filter(code=region).exists():
        errors["region"] = ["Cette région n'existe pas : choisissez-la dans la liste."]
    place = (
        Department.objects.filter(code=department).select_related("region").first() if department else None
    )
    if department and place is None:
        errors["departement"] = ["Ce département n'existe pas : choisissez-le dans la liste."]
    audiences = audiences_for(federation=federation)
    year = (params.validated_data.get("year") if not errors else None) or latest_year(
        code=code, audiences=audiences
    )
    if place:
        region = place.region_id
    rollup = indicator_rollup(
        code=code,
        year=year,
        audiences=audiences,
        region=None if errors else (region or None),
        department=None if errors else (department or None),
    )
    base = request.path

    def link(**chosen: str) -> str:
        query = "&".join(f"{k}={v}" for k, v in {"annee": year, **chosen}.items() if v)
        return f"{base}?{query}"

    codes = list(
        (Department.objects.filter(region_id=region) if region and not errors else Department.objects.all())
        .order_by("code")
        .values_list("code", flat=True)
    )
    source, licence = shapes_source()
    context = {
        "indicator": indicator,
        "rollup": rollup,
        "year": year,
        "errors": errors,
        "federation": federation,
        "breadcrumb": _breadcrumb(rollup, link),
        "parts": [(part, link(**{_parameter(part.level): part.code})) for part in rollup.parts],
        "chart": histogram_chart(
            title=f"{indicator.label} en {year} : répartition des CPTS", histogram=rollup.histogram
        ),
        "map": department_figures_map(
            title=f"{indicator.label} en {year}, par département",
            departments=rollup.departments,
            codes=codes,
            region=region if region and not errors else None,
            href=lambda code: link(departement=code),
        ),
        "map_source": source,
        "map_licence": licence,
        "regions": Region.objects.order_by("name"),
        "chosen_region": region,
        "files": [
            opendata.file_name(dataset, year, extension)
            for dataset in opendata.YEARLY
            for extension in ("csv", "json")
        ],
    }
    return render(request, template, context, status=400 if errors else 200)


def _parameter(level: str) -> str:
    return "region" if level == "region" else "departement"


def _breadcrumb(rollup, link) -> list[tuple[str, str]]:
    """(label, link) from France down to the area shown; the last one is the page itself."""
    trail = [("France", link())]
    if rollup.area.level == "region":
        trail.append((rollup.area.name, link(region=rollup.area.code)))
    elif rollup.area.level == "department":
        place = Department.objects.select_related("region").get(code=rollup.area.code)
        trail.append((place.region.name, link(region=place.region_id)))
        trail.append((rollup.area.name, link(departement=rollup.area.code)))
    return trail


@require_GET
def fields_page(request: HttpRequest) -> HttpResponse:
    datasets = [
        {
            "name": name,
            "title": schema["title"],
            "fields": schema["fields"],
            "yearly": name in opendata.YEARLY,
        }
        for name, schema in opendata.SCHEMAS.items()
    ]
    return render(
        request,
        "observatory/fields.html",
        {"datasets": datasets, "licence": opendata.LICENCE, "catalogue": catalogue_with_years(audiences=[])},
    )


@require_GET
def datapackage_file(request: HttpRequest) -> JsonResponse:
    package = opendata.datapackage(base_url=request.build_absolute_uri("/observatoire/"))
    return JsonResponse(package, json_dumps_params={"ensure_ascii": False, "indent": 1})


@require_GET
def schema_file(request: HttpRequest, dataset: str) -> JsonResponse:
    if dataset not in opendata.SCHEMAS:
        raise Http404
    return JsonResponse(
        opendata.table_schema(dataset), json_dumps_params={"ensure_ascii": False, "indent": 1}
    )


@require_GET
def dataset_file(request: HttpRequest, dataset: str, extension: str, year: int | None = None) -> HttpResponse:
    if dataset not in opendata.SCHEMAS or (year is None) == (dataset in opendata.YEARLY):
        raise Http404
    rows = opendata.dataset_rows(dataset, year)
    name = opendata.file_name(dataset, year, extension)
    if extension == "csv":
        response = HttpResponse(opendata.rows_as_csv(dataset, rows), content_type="text/csv; charset=utf-8")
    else:
        response = HttpResponse(opendata.rows_as_json(rows), content_type="application/json")
    response["Content-Disposition"] = f'inline; filename="{name}"'
    return response
