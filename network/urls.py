from django.urls import path

from search.apis import InternshipSearchApi

from . import apis

app_name = "network"

urlpatterns = [
    path("cpts/", apis.CPTSDirectoryApi.as_view(), name="cpts-directory"),
    path("coverage/", apis.NationalCoverageApi.as_view(), name="coverage"),
    path("funding/", apis.FundingApi.as_view(), name="funding"),
    path("campaigns/", apis.CampaignsApi.as_view(), name="campaigns"),
    path("internships/", InternshipSearchApi.as_view(), name="internships"),
    path("coverage/regions/<str:code>/", apis.RegionCoverageApi.as_view(), name="coverage-region"),
    path(
        "coverage/departments/<str:code>/",
        apis.DepartmentCoverageApi.as_view(),
        name="coverage-department",
    ),
]
