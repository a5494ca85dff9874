"""Serving uploaded files from Django, for the demo and tests.

Stored names carry their schema (tenants.storage), so one view serves every
CPTS's files from any host. In production a web server or object storage
serves MEDIA_URL and SERVE_MEDIA is off.
"""

from django.conf import settings
from django.http import Http404
from django.urls import path
from django.views.static import serve


def serve_media(request, file_path: str):
    if not settings.SERVE_MEDIA:
        raise Http404
    return serve(request, file_path, document_root=settings.MEDIA_ROOT)


def media_urlpatterns() -> list:
    return [path(f"{settings.MEDIA_URL.strip('/')}/<path:file_path>", serve_media)]
