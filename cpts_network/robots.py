"""robots.txt of each host: a CPTS names its own sitemap; no host invites crawling its admin or APIs."""

from django.http import HttpRequest, HttpResponse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

DISALLOWED = ["/admin/", "/api/", "/documents/"]


@require_GET
@cache_control(max_age=86400, public=True)
def robots_txt(request: HttpRequest, *, with_sitemap: bool) -> HttpResponse:
    lines = ["User-agent: *", *(f"Disallow: {path}" for path in DISALLOWED)]
    if with_sitemap:
        lines.append(f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
