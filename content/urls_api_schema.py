"""What a CPTS's OpenAPI schema documents: its data endpoints and Wagtail's content API."""

from django.urls import path

from content import apis
from content.wagtail_api import api_router

urlpatterns = [
    path("api/v2/territory/", apis.TerritoryApi.as_view()),
    path("api/v2/governance/", apis.GovernanceApi.as_view()),
    path("api/v2/missions/", apis.MissionsApi.as_view()),
    path("api/v2/funding/", apis.FundingApi.as_view()),
    path("api/v2/site/", apis.SiteSettingsApi.as_view()),
    path("api/v2/redirects/", apis.RedirectsApi.as_view()),
    path("api/v2/forms/<int:page_id>/", apis.ContactFormApi.as_view()),
    path("api/v2/", api_router.urls),
]
