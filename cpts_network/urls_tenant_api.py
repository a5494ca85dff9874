"""The API of a CPTS host, listed once: ``urls_tenant`` serves these routes and its OpenAPI
schema (``/api/v2/schema/``) documents this same list, so a route cannot be answered and left
out of the schema, or the reverse (tests/cpts_network/test_api_routes.py walks both).

The list lives here, in the layer that wires the apps, because it gathers the APIs of several
(``content``'s and ``members``' directory); ``content`` cannot import ``members``.
"""

from django.urls import path

from aci.apis import AciReportFileApi, AciYearApi
from applications.apis import ApplicationApi
from content import apis
from content.wagtail_api import api_router
from members.apis import DirectoryApi
from unscheduled_care.apis import UnscheduledCareApi

urlpatterns = [
    path("api/v2/territory/", apis.TerritoryApi.as_view(), name="api-territory"),
    path("api/v2/governance/", apis.GovernanceApi.as_view(), name="api-governance"),
    path("api/v2/members/", DirectoryApi.as_view(), name="api-members"),
    path("api/v2/missions/", apis.MissionsApi.as_view(), name="api-missions"),
    path("api/v2/funding/", apis.FundingApi.as_view(), name="api-funding"),
    path("api/v2/aci/years/<int:year>/", AciYearApi.as_view(), name="api-aci-year"),
    path(
        "api/v2/aci/years/<int:year>/report.<str:extension>",
        AciReportFileApi.as_view(),
        name="api-aci-report",
    ),
    path("api/v2/site/", apis.SiteSettingsApi.as_view(), name="api-site"),
    path("api/v2/unscheduled-care/", UnscheduledCareApi.as_view(), name="api-unscheduled-care"),
    path("api/v2/redirects/", apis.RedirectsApi.as_view(), name="api-redirects"),
    path("api/v2/forms/<int:page_id>/", apis.ContactFormApi.as_view(), name="api-contact-form"),
    path("api/v2/internships/<int:page_id>/applications/", ApplicationApi.as_view(), name="api-applications"),
    # Wagtail's content API (pages, page_preview, images, documents), last: its prefix is the others'.
    path("api/v2/", api_router.urls),
]
