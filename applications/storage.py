"""Where CVs are kept: beside the media, never under MEDIA_URL, names prefixed by the schema.

Uploaded images are public and served from ``/media/``; a student's CV must not
be. CVs go to ``APPLICATIONS_PRIVATE_ROOT`` (by default a ``private`` folder next to
MEDIA_ROOT) under a name that starts with the CPTS's schema
(``metz/applications/…``, tenants.storage), and are read only through the
admin's authenticated view (applications.admin_views).
"""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.utils.functional import cached_property

from tenants.storage import SchemaPrefixedFileSystemStorage


def private_root() -> Path:
    configured = getattr(settings, "APPLICATIONS_PRIVATE_ROOT", None)
    return Path(configured) if configured else Path(settings.MEDIA_ROOT).parent / "private"


class PrivateSchemaStorage(SchemaPrefixedFileSystemStorage):
    """No base URL: a stored CV has no public address."""

    def __init__(self) -> None:
        super().__init__(base_url=None)

    @cached_property
    def base_location(self):
        return str(private_root())

    @cached_property
    def location(self):
        return str(Path(self.base_location).resolve())

    def url(self, name):  # noqa: ARG002 - refuses for every name
        raise ValueError("A CV has no public URL: read it through the admin.")


def cv_storage() -> PrivateSchemaStorage:
    # A callable, so migrations do not freeze a path and tests may move the root.
    return PrivateSchemaStorage()
