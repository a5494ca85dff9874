"""URLs of a CPTS host (its own schema): Wagtail admin, API, site, sitemap and robots.txt."""

from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from content.identity_views import demo_notice_page, theme_css
from content.search_views import site_search_page
from cpts_network import errors, urls_tenant_api
from cpts_network.api_docs import redoc_view
from cpts_network.media import media_urlpatterns
from cpts_network.robots import robots_txt
from syndication.views import cpts_agenda_feed

handler400 = errors.bad_request
handler404 = errors.not_found
handler500 = errors.server_error

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("recherche/", site_search_page, name="site-search"),
    # The site's colour, keyed by its identity's version; the demo notice's full text.
    path("theme.css", theme_css, name="site-theme-css"),
    path("demonstration/", demo_notice_page, name="demo-notice"),
    # Live, public pages only (Wagtail's sitemap), under the CPTS's own Site and host.
    path("sitemap.xml", sitemap, name="sitemap"),
    path("robots.txt", robots_txt, {"with_sitemap": True}, name="robots"),
    # The CPTS's own events as iCalendar, for its members' calendars.
    path("agenda.ics", cpts_agenda_feed, name="agenda-feed"),
    # The schema documents urls_tenant_api, the one list of the API routes served below.
    path(
        "api/v2/schema/",
        SpectacularAPIView.as_view(
            urlconf=urls_tenant_api,
            custom_settings={
                "TITLE": "API d'une CPTS",
                "DESCRIPTION": "Pages, images, documents (API Wagtail), territoire, gouvernance, "
                "annuaire des adhérents, missions et financement de la CPTS de cet hôte.",
            },
        ),
        name="api-schema",
    ),
    path("api/v2/docs/", redoc_view("api-schema"), name="api-docs"),
    *urls_tenant_api.urlpatterns,
    *media_urlpatterns(),
    path("", include(wagtail_urls)),
]
