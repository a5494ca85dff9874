"""Files: storage prefixed by schema, media served or not, archives and imports."""

from __future__ import annotations

from pathlib import Path
from typing import Any


def file_settings(*, serve_media: bool, archive_dir: Path | str, import_max_bytes: int) -> dict[str, Any]:
    """Stored names start with the schema (metz/original_images/x.jpg); archives and imports."""
    return {
        "STORAGES": {
            "default": {"BACKEND": "tenants.storage.SchemaPrefixedFileSystemStorage"},
            "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
        },
        "SERVE_MEDIA": serve_media,
        "CPTS_ARCHIVE_DIR": Path(archive_dir),
        "CPTS_IMPORT_MAX_BYTES": import_max_bytes,
    }
