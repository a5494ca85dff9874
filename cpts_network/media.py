"""Serving uploaded files from Django, for the demo and tests.

Stored names start with their schema (tenants.storage). The rules, checked in
this order:

1. The path is normalised first: a ``..``, ``.``, empty segment, backslash or
   NUL byte (``/media/metz/..%2fstrasbourg/…`` arrives decoded) is a 404.
2. A CPTS host serves its own schema's files only; the federation's host
   serves none (no network page renders an uploaded file).
3. Documents are never served here: Wagtail's document view
   (``/documents/<id>/<name>``) checks collection privacy, this one could not.
4. An image (original or rendition) of a collection with a view restriction is
   served only to a request that passes that restriction, as Wagtail's document
   view does, and never cached by a shared cache.

In production a web server or object storage serves MEDIA_URL and SERVE_MEDIA
is off: it must apply rules 2 and 3 itself (README, "What keeps CPTS apart"),
or leave ``/media/`` to Django with SERVE_MEDIA=1.
"""

from __future__ import annotations

from django.conf import settings
from django.db import connection
from django.http import Http404, HttpRequest, HttpResponse
from django.urls import path
from django.utils.cache import patch_cache_control
from django.views.static import serve
from django_tenants.utils import get_public_schema_name
from wagtail.images import get_image_model
from wagtail.models import Collection, CollectionViewRestriction

IMAGE_FOLDERS = ("original_images/", "images/")


def normalised_media_name(file_path: str) -> str | None:
    """``file_path`` when it names a file plainly, else None (traversal, odd characters)."""
    if not file_path or "\x00" in file_path or "\\" in file_path:
        return None
    segments = file_path.split("/")
    if any(segment in {"", ".", ".."} for segment in segments):
        return None
    return file_path


def _image_view_restrictions(inside: str, name: str) -> list:
    """The view restrictions over the collection of the image (or rendition) stored as ``name``."""

    images = get_image_model().objects.filter(file=name)
    if not inside.startswith("original_images/"):
        images = get_image_model().objects.filter(renditions__file=name)
    collection = Collection.objects.filter(pk__in=images.values("collection_id")).first()
    if collection is None:
        return []
    lineage = collection.get_ancestors(inclusive=True)
    return list(CollectionViewRestriction.objects.filter(collection__in=lineage))


def serve_media(request: HttpRequest, file_path: str) -> HttpResponse:
    if not settings.SERVE_MEDIA:
        raise Http404
    name = normalised_media_name(file_path)
    schema = connection.schema_name
    if name is None or schema == get_public_schema_name():
        raise Http404
    owner, _, inside = name.partition("/")
    if owner != schema or not inside or inside.startswith("documents/"):
        raise Http404
    restricted = False
    if inside.startswith(IMAGE_FOLDERS):
        restrictions = _image_view_restrictions(inside, name)
        if any(not restriction.accept_request(request) for restriction in restrictions):
            raise Http404
        restricted = bool(restrictions)
    response = serve(request, name, document_root=settings.MEDIA_ROOT)
    if restricted:
        patch_cache_control(response, private=True)
    return response


def media_urlpatterns() -> list:
    return [path(f"{settings.MEDIA_URL.strip('/')}/<path:file_path>", serve_media)]
