"""URLs of the federation's host (public schema). No Wagtail here."""

from django.contrib import admin
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView

from access.views import find_my_cpts_page
from cpts_network import errors, urls_api, urls_api_schema
from cpts_network.api_docs import redoc_view
from cpts_network.legal import (
    federation_accessibility_page,
    federation_demo_page,
    federation_notice_page,
    federation_privacy_page,
)
from cpts_network.media import media_urlpatterns
from cpts_network.robots import robots_txt
from network.professional_views import network_professionals_page
from network.views import department_coverage_page, federation_home
from observatory.admin_views import observatory_admin_home, observatory_admin_indicator
from observatory.urls import page_urlpatterns as observatory_pages
from search.views import internship_search_page
from syndication.views import (
    federation_post_page,
    network_agenda_feed,
    network_agenda_page,
    network_news_page,
)

handler400 = errors.bad_request
handler404 = errors.not_found
handler500 = errors.server_error

urlpatterns = [
    path("", federation_home, name="federation-home"),
    path("couverture/<str:code>/", department_coverage_page, name="department-coverage"),
    path("stages/", internship_search_page, name="internship-search"),
    path("trouver-ma-cpts/", find_my_cpts_page, name="find-my-cpts"),
    path("professionnels/", network_professionals_page, name="network-professionals"),
    path("agenda/", network_agenda_page, name="network-agenda"),
    path("agenda.ics", network_agenda_feed, name="network-agenda-feed"),
    path("actualites/", network_news_page, name="network-news"),
    path("reseau/<int:pk>/", federation_post_page, name="federation-post"),
    path("mentions-legales/", federation_notice_page, name="federation-notice"),
    path("donnees-personnelles/", federation_privacy_page, name="federation-privacy"),
    path("accessibilite/", federation_accessibility_page, name="federation-accessibility"),
    path("demonstration/", federation_demo_page, name="federation-demo"),
    *observatory_pages,
    # The observatory's view with shared values, inside the federation's admin (sign-in, second factor).
    path("admin/observatoire/", admin.site.admin_view(observatory_admin_home), name="observatory-admin"),
    path(
        "admin/observatoire/<slug:code>/",
        admin.site.admin_view(observatory_admin_indicator),
        name="observatory-admin-indicator",
    ),
    path("admin/", admin.site.urls),
    path("robots.txt", robots_txt, {"with_sitemap": False}, name="robots"),
    path("api/network/", include(urls_api)),
    path(
        "api/network/schema/",
        SpectacularAPIView.as_view(urlconf=urls_api_schema),
        name="network-schema",
    ),
    path(
        "api/network/docs/",
        redoc_view("network-schema"),
        name="network-docs",
    ),
    *media_urlpatterns(),
]
