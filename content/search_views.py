"""The search box of a CPTS site (its own schema only)."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from wagtail.models import Site

from .selectors.site import site_search


def site_search_page(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "")
    site = Site.find_for_request(request)
    return render(
        request,
        "content/search_results.html",
        {"page": site.root_page.specific, "query": query, "results": site_search(query)},
    )
