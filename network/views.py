"""The federation host's public pages: the network's home and one department's coverage."""

from django.http import Http404
from django.shortcuts import render

from tenants.selectors import cpts_list

from .commune_maps import department_coverage_map
from .maps import coverage_map, shapes_source
from .models import Department
from .selectors import coverage_by_department


def federation_home(request):
    """The federation's landing page: the network's coverage on a map, its CPTS, where to go next."""
    listed = cpts_list()
    source, licence = shapes_source()
    return render(
        request,
        "network/home.html",
        {
            "cpts_list": listed,
            "demo_notices": any(cpts.demo_notice for cpts in listed),
            "coverage_map": coverage_map(href=lambda code: f"/couverture/{code}/"),
            "map_source": source,
            "map_licence": licence,
        },
    )


def department_coverage_page(request, code: str):
    """One department's coverage, commune by commune: the public level below the national map."""
    try:
        coverage = coverage_by_department(code)
    except Department.DoesNotExist as error:
        raise Http404("Département inconnu.") from error
    return render(
        request,
        "network/department.html",
        {
            "coverage": coverage,
            "communes_map": department_coverage_map(code, title=f"Communes de {coverage.name} et CPTS"),
        },
    )
