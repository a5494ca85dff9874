"""The federation's API routes, under /api/network/ (cpts_network.urls_api adds search's)."""

from django.urls import path

from . import apis

urlpatterns = [
    path("cpts/", apis.CPTSDirectoryApi.as_view(), name="cpts-directory"),
    path("coverage/", apis.NationalCoverageApi.as_view(), name="coverage"),
    path("funding/", apis.FundingApi.as_view(), name="funding"),
    path("campaigns/", apis.CampaignsApi.as_view(), name="campaigns"),
    path("members/", apis.MembersApi.as_view(), name="members"),
    path("coverage/regions/<str:code>/", apis.RegionCoverageApi.as_view(), name="coverage-region"),
    path(
        "coverage/departments/<str:code>/",
        apis.DepartmentCoverageApi.as_view(),
        name="coverage-department",
    ),
    # Files for spreadsheet software (CSV with « ; » and decimal commas, xlsx), French headers.
    path("coverage/export.<str:extension>", apis.NationalCoverageExportApi.as_view(), name="coverage-export"),
    path(
        "coverage/regions/<str:code>/export.<str:extension>",
        apis.RegionCoverageExportApi.as_view(),
        name="coverage-region-export",
    ),
    path(
        "coverage/departments/<str:code>/export.<str:extension>",
        apis.DepartmentCoverageExportApi.as_view(),
        name="coverage-department-export",
    ),
]
