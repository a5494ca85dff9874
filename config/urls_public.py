"""URLs of the federation's host (public schema). No Wagtail here."""

from django.contrib import admin
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView

from config.api_docs import redoc_view
from config.media import media_urlpatterns
from network.views import federation_home
from search.views import internship_search_page

handler400 = "config.errors.bad_request"
handler404 = "config.errors.not_found"
handler500 = "config.errors.server_error"

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
        redoc_view("network-schema"),
        name="network-docs",
    ),
    *media_urlpatterns(),
]
