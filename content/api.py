"""The headless API of one CPTS site (its own host, its own schema)."""

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet

from config.api_errors import error_body

from .preview import preview_page


class ProjectErrorsMixin:
    """Wagtail's API answers errors as ``{"message": …}``; here they take the project's one format."""

    def handle_exception(self, exc):
        response = super().handle_exception(exc)
        if isinstance(response.data, dict) and set(response.data) == {"message"}:
            code = "not_found" if response.status_code == 404 else "invalid"
            response.data = error_body(response.status_code, code, str(response.data["message"]))
        return response


class CPTSPagesAPIViewSet(ProjectErrorsMixin, PagesAPIViewSet):
    pass


class CPTSImagesAPIViewSet(ProjectErrorsMixin, ImagesAPIViewSet):
    pass


class CPTSDocumentsAPIViewSet(ProjectErrorsMixin, DocumentsAPIViewSet):
    pass


class PagePreviewAPIViewSet(CPTSPagesAPIViewSet):
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
api_router.register_endpoint("pages", CPTSPagesAPIViewSet)
api_router.register_endpoint("page_preview", PagePreviewAPIViewSet)
api_router.register_endpoint("images", CPTSImagesAPIViewSet)
api_router.register_endpoint("documents", CPTSDocumentsAPIViewSet)
