"""The headless API of one CPTS site (its own host, its own schema)."""

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet

from .preview import preview_page


class PagePreviewAPIViewSet(PagesAPIViewSet):
    """``GET /api/v2/page_preview/?token=…``: the draft a preview token names."""

    known_query_parameters = PagesAPIViewSet.known_query_parameters.union(["token"])

    def listing_view(self, request):
        self.action = "detail_view"
        return self.detail_view(request, pk=None)

    def get_object(self):
        if not hasattr(self, "_draft"):
            self._draft = preview_page(self.request.GET.get("token", ""))
        return self._draft


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PagesAPIViewSet)
api_router.register_endpoint("page_preview", PagePreviewAPIViewSet)
api_router.register_endpoint("images", ImagesAPIViewSet)
api_router.register_endpoint("documents", DocumentsAPIViewSet)
