"""« Trouver un professionnel » on the federation's host: a form and its answer, from the public copy only."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from tenants.vocabulary import Profession

from .maps import shapes_source
from .professional_apis import ProfessionalFiltersSerializer
from .professionals import Language, new_patients_days
from .selectors.professionals import (
    PAGE_LIMIT,
    ProfessionalFilters,
    network_professionals,
    professionals_communes,
    professionals_count_label,
    professionals_departments,
    professionals_map,
)


def network_professionals_page(request: HttpRequest) -> HttpResponse:
    params = ProfessionalFiltersSerializer(data={k: v for k, v in request.GET.items() if v})
    valid = params.is_valid()
    filters = ProfessionalFilters(**params.validated_data) if valid else ProfessionalFilters()
    found = network_professionals(filters)
    count = found.count()
    source, licence = shapes_source()
    context = {
        "errors": {} if valid else params.errors,
        "filters": filters,
        "professionals": list(found[:PAGE_LIMIT]) if valid else [],
        "count_label": professionals_count_label(count if valid else 0),
        "more": max(count - PAGE_LIMIT, 0) if valid else 0,
        "page_limit": PAGE_LIMIT,
        "professions": Profession.choices,
        "departments": professionals_departments(),
        # A commune is chosen within a department: the list stays short.
        "communes": professionals_communes(filters.department) if filters.department else [],
        "languages": Language.choices,
        "new_patients_days": new_patients_days(),
        "map": professionals_map(filters) if valid else None,
        "map_source": source,
        "map_licence": licence,
    }
    return render(request, "network/professionals.html", context, status=200 if valid else 400)
