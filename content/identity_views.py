"""Public views of a CPTS host's theme: its colour stylesheet and the demo's full notice."""

from __future__ import annotations

from django.http import Http404, HttpResponse
from django.template.response import TemplateResponse
from django.views.decorators.http import require_GET
from wagtail.models import Site

from content.selectors.identity import theme_stylesheet

YEAR = 365 * 24 * 3600


@require_GET
def theme_css(request):
    """``:root`` custom properties of this site; its address carries the identity's version."""
    site = Site.find_for_request(request)
    if site is None:
        raise Http404
    css, version = theme_stylesheet(site=site)
    response = HttpResponse(css, content_type="text/css; charset=utf-8")
    # Kept a year when asked for under the current version; the page names the new one after a save.
    if request.GET.get("v") == str(version):
        response["Cache-Control"] = f"public, max-age={YEAR}, immutable"
    else:
        response["Cache-Control"] = "no-cache"
    return response


@require_GET
def demo_notice_page(request):
    """The demo notice's full text (every page shows one line and a link here)."""
    notice = getattr(request.tenant, "demo_notice", "")
    if not notice:
        raise Http404
    return TemplateResponse(request, "content/demo_notice.html", {"notice": notice})
