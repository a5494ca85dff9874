from django.shortcuts import render

from tenants.selectors import cpts_list

from .maps import coverage_map, shapes_source


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
            "coverage_map": coverage_map(),
            "map_source": source,
            "map_licence": licence,
        },
    )
