"""The headless API of one CPTS site (its own host, its own schema)."""

from django.utils.cache import add_never_cache_headers
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet

from tenants.api_errors import error_body

from .preview import preview_page

# Beyond these, Wagtail's API failed with a 500: an offset past PostgreSQL's
# bigint, and a search of a few hundred words (its query parser recurses per word).
MAX_OFFSET = 1_000_000
MAX_SEARCH_CHARS = 300
MAX_SEARCH_WORDS = 32


def check_listing_parameters(params) -> None:
    """Refuse, as a 400, what Wagtail's listing would turn into a server error."""
    offset = params.get("offset", "0")
    if offset.isdigit() and int(offset) > MAX_OFFSET:
        raise BadRequestError(f"offset ne peut dépasser {MAX_OFFSET}.")
    if params.get("search_operator", "and") not in ("and", "or"):
        raise BadRequestError("search_operator vaut « and » ou « or ».")
    search = params.get("search", "")
    if len(search) > MAX_SEARCH_CHARS or len(search.split()) > MAX_SEARCH_WORDS:
        raise BadRequestError(
            f"search est limité à {MAX_SEARCH_WORDS} mots et {MAX_SEARCH_CHARS} caractères."
        )


class ProjectErrorsMixin:
    """Wagtail's API answers errors as ``{"message": …}``; here they take the project's one format.

    It also refuses, before Wagtail reads them, listing parameters that would
    end in a server error (``check_listing_parameters``).
    """

    def listing_view(self, request):
        check_listing_parameters(request.GET)
        return super().listing_view(request)

    def find_view(self, request):
        # Wagtail hands ``id`` to the ORM as it is: ``?id=abc`` was a ValueError, a 500.
        value = request.GET.get("id")
        if value is not None and not (value.isascii() and value.isdigit() and int(value) < 2**63):
            raise BadRequestError("id est un nombre entier positif.")
        return super().find_view(request)

    def handle_exception(self, exc):
        response = super().handle_exception(exc)
        if isinstance(response.data, dict) and set(response.data) == {"message"}:
            code = "not_found" if response.status_code == 404 else "invalid"
            response.data = error_body(response.status_code, code, str(response.data["message"]))
        return response


class CPTSPagesAPIViewSet(ProjectErrorsMixin, PagesAPIViewSet):
    def get_base_queryset(self):
        """Wagtail's public pages of the site, worked out once per request.

        Wagtail builds them from every view restriction of the site, one query,
        and asks for them up to three times per listing (the queryset, its
        filters, the serializer's context). A view serves one request, so the
        restrictions read at its start hold for all of it; each caller gets a
        fresh copy of the queryset.
        """
        if not hasattr(self, "_public_pages"):
            self._public_pages = super().get_base_queryset()
        return self._public_pages.all()


class CPTSImagesAPIViewSet(ProjectErrorsMixin, ImagesAPIViewSet):
    pass


class CPTSDocumentsAPIViewSet(ProjectErrorsMixin, DocumentsAPIViewSet):
    pass


class PagePreviewAPIViewSet(CPTSPagesAPIViewSet):
    """``GET /api/v2/page_preview/?token=…``: the draft a preview token names."""

    known_query_parameters = PagesAPIViewSet.known_query_parameters.union(["token"])

    def listing_view(self, request):
        self.action = "detail_view"
        response = self.detail_view(request, pk=None)
        # A draft, for the token's holder and for an hour: kept by no cache.
        add_never_cache_headers(response)
        return response

    def get_object(self):
        if not hasattr(self, "_draft"):
            self._draft = preview_page(self.request.GET.get("token", ""))
        return self._draft


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", CPTSPagesAPIViewSet)
api_router.register_endpoint("page_preview", PagePreviewAPIViewSet)
api_router.register_endpoint("images", CPTSImagesAPIViewSet)
api_router.register_endpoint("documents", CPTSDocumentsAPIViewSet)
