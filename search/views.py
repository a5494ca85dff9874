"""The students' search page on the federation's host: server-rendered, no JavaScript needed."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from network.maps import COUNT_BANDS, DepartmentMap, department_map, shapes_source
from tenants.vocabulary import Discipline, StudyLevel

from .selectors import internship_search
from .serializers import InternshipSearchParamsSerializer

FACET_TITLES = {
    "discipline": "Discipline",
    "level": "Niveau",
    "region": "Région",
    "department": "Département",
    "cpts": "CPTS",
    "housing": "Logement",
}


def offers_map(request: HttpRequest, counts: dict[str, int]) -> DepartmentMap:
    """Where the offers found are: each department a link that keeps the search and filters by it."""

    def href(code: str) -> str:
        query = request.GET.copy()
        query.pop("page", None)
        query["department"] = code
        return f"?{query.urlencode()}"

    return department_map(
        title="Offres trouvées par département",
        values=counts,
        legend=COUNT_BANDS,
        label=lambda name, count: f"{name} : {count} offre{'s' if count > 1 else ''}",
        href=href,
    )


def internship_search_page(request: HttpRequest) -> HttpResponse:
    params = InternshipSearchParamsSerializer.from_query(request.GET)
    valid = params.is_valid()
    results = internship_search(**params.validated_data) if valid else None
    source, licence = shapes_source()
    context = {
        "offers_map": offers_map(request, results.department_counts) if results else None,
        "map_source": source,
        "map_licence": licence,
        "params": request.GET,
        "errors": {} if valid else params.errors,
        "results": results,
        "facets": [(name, title, results.facets[name]) for name, title in FACET_TITLES.items()]
        if results
        else [],
        "disciplines": Discipline.choices,
        "levels": StudyLevel.choices,
    }
    return render(request, "search/internships.html", context, status=200 if valid else 400)
