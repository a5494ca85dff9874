"""The observatory's routes: its pages and files on the federation's host, its API under /api/network/."""

from django.urls import path, register_converter

from . import apis, views


class FileExtension:
    regex = "csv|json"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


register_converter(FileExtension, "extension")

# Stable addresses: a dataset of a year keeps its URL (datapackage.json lists them).
page_urlpatterns = [
    path("observatoire/", views.observatory_home, name="observatory"),
    path("observatoire/champs/", views.fields_page, name="observatory-fields"),
    path("observatoire/donnees/datapackage.json", views.datapackage_file, name="observatory-datapackage"),
    path("observatoire/donnees/schemas/<slug:dataset>.json", views.schema_file, name="observatory-schema"),
    path(
        "observatoire/donnees/<slug:dataset>-<int:year>.<extension:extension>",
        views.dataset_file,
        name="observatory-yearly-file",
    ),
    path(
        "observatoire/donnees/<slug:dataset>.<extension:extension>",
        views.dataset_file,
        name="observatory-file",
    ),
    path("observatoire/<slug:code>/", views.indicator_page, name="observatory-indicator"),
]

# Included by cpts_network.urls_api under /api/network/.
urlpatterns = [
    path("observatory/", apis.ObservatoryCatalogueApi.as_view(), name="observatory-catalogue"),
    path("observatory/<slug:code>/", apis.ObservatoryRollupApi.as_view(), name="observatory-national"),
    path(
        "observatory/<slug:code>/regions/<str:area>/",
        apis.ObservatoryRollupApi.as_view(level="region"),
        name="observatory-region",
    ),
    path(
        "observatory/<slug:code>/departments/<str:area>/",
        apis.ObservatoryRollupApi.as_view(level="department"),
        name="observatory-department",
    ),
]
