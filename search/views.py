"""The students' search page on the federation's host: server-rendered, no JavaScript needed."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

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


def internship_search_page(request: HttpRequest) -> HttpResponse:
    params = InternshipSearchParamsSerializer.from_query(request.GET)
    valid = params.is_valid()
    results = internship_search(**params.validated_data) if valid else None
    context = {
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
