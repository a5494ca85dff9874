"""The observatory in the federation's admin: the same rollups with the values shared with it.

Served under ``/admin/observatoire/`` through the admin site's own
``admin_view`` (staff sign-in and second factor), wired by ``cpts_network``:
``network``, which owns the admin site, sits below this app.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from .selectors import audiences_for, catalogue_with_years
from .views import indicator_view


def observatory_admin_home(request: HttpRequest) -> HttpResponse:
    entries = catalogue_with_years(audiences=audiences_for(federation=True))
    return render(request, "observatory/admin/home.html", {"entries": entries, "title": "Observatoire"})


def observatory_admin_indicator(request: HttpRequest, code: str) -> HttpResponse:
    return indicator_view(request, code, federation=True, template="observatory/admin/indicator.html")
