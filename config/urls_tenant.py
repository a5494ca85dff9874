"""URLs of a CPTS host (its own schema): Wagtail admin, API and site."""

from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from config.media import media_urlpatterns
from content.api import api_router
from content.apis import TerritoryApi

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v2/territory/", TerritoryApi.as_view(), name="api-territory"),
    path("api/v2/", api_router.urls),
    *media_urlpatterns(),
    path("", include(wagtail_urls)),
]
