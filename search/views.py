"""The students' search page on the federation's host: server-rendered, no JavaScript needed."""

from collections import Counter

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from network.commune_maps import CommuneMap, counts_map
from network.maps import COUNT_BANDS, DepartmentMap, department_map, shapes_source
from tenants.vocabulary import Discipline, StudyLevel

from .selectors import internship_search
from .serializers import InternshipSearchParamsSerializer

DISTANCES_KM = (10, 20, 30, 50, 100)


def _distance(params: dict) -> dict:
    return {"near": params["near"], "within": params["within"]}


# What a student reads instead of a parameter's name in an error message.
FIELD_LABELS = {
    "q": "Recherche",
    "discipline": "Discipline",
    "level": "Niveau",
    "region": "Région",
    "department": "Département",
    "cpts": "CPTS",
    "housing": "Logement",
    "near": "Près de (commune)",
    "within": "Distance",
    "start": "Disponible à partir du",
    "end": "Disponible jusqu'au",
    "sort": "Tri",
    "page": "Page",
    "page_size": "Offres par page",
    "non_field_errors": "Recherche",
}


def labelled_errors(errors: dict) -> list[tuple[str, list[str]]]:
    return [
        (FIELD_LABELS.get(name, "Critère"), [str(message) for message in messages])
        for name, messages in errors.items()
    ]


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


def offers_near_map(results, *, near: str, within: int) -> CommuneMap | None:
    """The offers of this page at their communes, around the commune the student searched from."""
    counts = Counter(hit.commune_id for hit in results.hits)
    return counts_map(
        title=f"Les offres de cette page, {results.distance}",
        counts=counts,
        noun=("offre", "offres"),
        around=near,
        km=within,
    )


def internship_search_page(request: HttpRequest) -> HttpResponse:
    query = request.GET.copy()
    if not query.get("near", "").strip():
        # The form always sends its distance; without a commune it means nothing.
        query.pop("within", None)
    params = InternshipSearchParamsSerializer.from_query(query)
    valid = params.is_valid()
    results = internship_search(**params.validated_data) if valid else None
    source, licence = shapes_source()
    context = {
        "offers_map": offers_map(request, results.department_counts) if results else None,
        "near_map": offers_near_map(results, **_distance(params.validated_data))
        if results and results.distance
        else None,
        "map_source": source,
        "map_licence": licence,
        "params": request.GET,
        "errors": [] if valid else labelled_errors(params.errors),
        "results": results,
        "facets": [(name, title, results.facets[name]) for name, title in FACET_TITLES.items()]
        if results
        else [],
        "disciplines": Discipline.choices,
        "levels": StudyLevel.choices,
        "distances": DISTANCES_KM,
    }
    return render(request, "search/internships.html", context, status=200 if valid else 400)
