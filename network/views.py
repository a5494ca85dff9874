"""The federation host's public pages: the network's home (France or a region) and one department's coverage.

Both follow a stated coverage definition (``?definition=``, ACI signed by
default) and show it beside every figure; both carry the chain France ›
region › department as links.
"""

from django.http import Http404
from django.shortcuts import render
from django.utils.http import urlencode

from tenants.selectors import cpts_list

from .admin_views import coverage_chain, coverage_definition
from .commune_maps import department_coverage_map
from .coverage import Definition
from .maps import coverage_map, shapes_source
from .models import Department, Region
from .selectors import coverage_by_department


def _public_href(definition: str):
    def href(level: str, code: str) -> str:
        query = f"?{urlencode({'definition': definition})}"
        return {"national": "/", "region": f"/?region={code}&definition={definition}"}.get(
            level, f"/couverture/{code}/{query}"
        )

    return href


def federation_home(request):
    """The federation's landing page: coverage on a map (France, or a region framed), its CPTS, where next."""
    definition, error = coverage_definition(request)
    region = Region.objects.filter(code=request.GET.get("region") or "").first()
    if request.GET.get("region") and region is None:
        raise Http404("Région inconnue.")
    listed = cpts_list()
    if region:
        listed = [cpts for cpts in listed if cpts.region_code == region.code]
    source, licence = shapes_source()
    href = _public_href(definition)
    chain = [{"name": "France", "href": href("national", "FR") if region else ""}]
    if region:
        chain.append({"name": region.name, "href": ""})
    return render(
        request,
        "network/home.html",
        {
            "cpts_list": listed,
            "region": region,
            "chain": chain,
            "definition": definition,
            "definition_label": Definition(definition).label,
            "definition_error": error,
            "definitions": Definition.choices,
            "demo_notices": any(cpts.demo_notice for cpts in listed),
            "coverage_map": coverage_map(
                region=region.code if region else None,
                href=lambda code: href("department", code),
                definition=definition,
            ),
            "map_source": source,
            "map_licence": licence,
        },
        status=400 if error else 200,
    )


def department_coverage_page(request, code: str):
    """One department's coverage, commune by commune: the public level below the national map."""
    definition, error = coverage_definition(request)
    try:
        coverage = coverage_by_department(code, definition=definition)
    except Department.DoesNotExist as error_:
        raise Http404("Département inconnu.") from error_
    return render(
        request,
        "network/department.html",
        {
            "coverage": coverage,
            "chain": coverage_chain(coverage, href=_public_href(definition)),
            "definition_error": error,
            "definitions": Definition.choices,
            "communes_map": department_coverage_map(
                code, title=f"Communes de {coverage.name} et CPTS", definition=definition
            ),
        },
        status=400 if error else 200,
    )
