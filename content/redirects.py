"""Wagtail's redirects, served on CPTS hosts only: the federation's schema has no Wagtail tables."""

from django.conf import settings
from django.http import HttpResponsePermanentRedirect, HttpResponseRedirect
from wagtail.contrib.redirects.middleware import RedirectMiddleware, get_redirect
from wagtail.contrib.redirects.models import Redirect


class CPTSRedirectMiddleware(RedirectMiddleware):
    """A 404 on a CPTS host looks for a redirect (an imported site's old addresses, an editor's own).

    So does the home page asked with a query string: a former WordPress site's
    ``/?p=12`` reaches the home page, which answers, where Wagtail's middleware
    only looks on a 404. Only an exact match (path and query) redirects there.
    """

    def process_response(self, request, response):
        if getattr(request, "urlconf", None) == settings.PUBLIC_SCHEMA_URLCONF:
            return response
        if response.status_code == 200 and request.path == "/" and request.META.get("QUERY_STRING"):
            path = Redirect.normalise_path(request.get_full_path(), decode_unicode=False)
            redirect = get_redirect(request, path)
            if redirect is None or not redirect.link:
                return response
            kind = HttpResponsePermanentRedirect if redirect.is_permanent else HttpResponseRedirect
            return kind(redirect.link)
        return super().process_response(request, response)
