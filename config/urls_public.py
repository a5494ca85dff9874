"""URLs of the federation's host (public schema). No Wagtail here."""

from django.contrib import admin
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularRedocView

from config.media import media_urlpatterns
from network.views import federation_home
from search.views import internship_search_page

handler404 = "config.urls_public.not_found"

urlpatterns = [
    path("", federation_home, name="federation-home"),
    path("stages/", internship_search_page, name="internship-search"),
    path("admin/", admin.site.urls),
    path("api/network/", include("network.urls")),
    path(
        "api/network/schema/",
        SpectacularAPIView.as_view(urlconf="network.urls_api_schema"),
        name="network-schema",
    ),
    path(
        "api/network/docs/",
        SpectacularRedocView.as_view(url_name="network-schema"),
        name="network-docs",
    ),
    *media_urlpatterns(),
]


def not_found(request, exception=None):
    from django.shortcuts import render

    if request.path.startswith("/api/"):
        from config.api_errors import json_not_found

        return json_not_found(request, exception)
    return render(request, "404.html", status=404)
