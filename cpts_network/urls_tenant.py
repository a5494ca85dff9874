"""URLs of a CPTS host (its own schema): Wagtail admin, API, site, sitemap and robots.txt."""

from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from content import apis
from content.search_views import site_search_page
from content.wagtail_api import api_router
from cpts_network.api_docs import redoc_view
from cpts_network.media import media_urlpatterns
from cpts_network.robots import robots_txt
from members.apis import DirectoryApi
from syndication.views import cpts_agenda_feed

handler400 = "cpts_network.errors.bad_request"
handler404 = "cpts_network.errors.not_found"
handler500 = "cpts_network.errors.server_error"

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("recherche/", site_search_page, name="site-search"),
    # Live, public pages only (Wagtail's sitemap), under the CPTS's own Site and host.
    path("sitemap.xml", sitemap, name="sitemap"),
    path("robots.txt", robots_txt, {"with_sitemap": True}, name="robots"),
    # The CPTS's own events as iCalendar, for its members' calendars.
    path("agenda.ics", cpts_agenda_feed, name="agenda-feed"),
    path("api/v2/territory/", apis.TerritoryApi.as_view(), name="api-territory"),
    path("api/v2/governance/", apis.GovernanceApi.as_view(), name="api-governance"),
    path("api/v2/members/", DirectoryApi.as_view(), name="api-members"),
    path("api/v2/missions/", apis.MissionsApi.as_view(), name="api-missions"),
    path("api/v2/funding/", apis.FundingApi.as_view(), name="api-funding"),
    path("api/v2/site/", apis.SiteSettingsApi.as_view(), name="api-site"),
    path("api/v2/redirects/", apis.RedirectsApi.as_view(), name="api-redirects"),
    path("api/v2/forms/<int:page_id>/", apis.ContactFormApi.as_view(), name="api-contact-form"),
    path(
        "api/v2/schema/",
        SpectacularAPIView.as_view(
            urlconf="content.urls_api_schema",
            custom_settings={
                "TITLE": "API d'une CPTS",
                "DESCRIPTION": "Pages, images, documents (API Wagtail), territoire, gouvernance, "
                "missions et financement de la CPTS de cet hôte.",
            },
        ),
        name="api-schema",
    ),
    path("api/v2/docs/", redoc_view("api-schema"), name="api-docs"),
    path("api/v2/", api_router.urls),
    *media_urlpatterns(),
    path("", include(wagtail_urls)),
]
