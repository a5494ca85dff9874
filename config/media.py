"""Serving uploaded files from Django, for the demo and tests.

Stored names start with their schema (tenants.storage). A CPTS host serves
its own files only, so a guessed URL of another CPTS's draft image is a 404
there; the federation's host serves every CPTS's files, because network
pages and search hits render them. In production a web server or object
storage serves MEDIA_URL and SERVE_MEDIA is off.
"""

from django.conf import settings
from django.db import connection
from django.http import Http404
from django.urls import path
from django.views.static import serve
from django_tenants.utils import get_public_schema_name


def serve_media(request, file_path: str):
    if not settings.SERVE_MEDIA:
        raise Http404
    schema = connection.schema_name
    if schema != get_public_schema_name() and not file_path.startswith(f"{schema}/"):
        raise Http404
    return serve(request, file_path, document_root=settings.MEDIA_ROOT)


def media_urlpatterns() -> list:
    return [path(f"{settings.MEDIA_URL.strip('/')}/<path:file_path>", serve_media)]
