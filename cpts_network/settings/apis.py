"""The APIs: Django REST framework, drf-spectacular, CORS."""

from __future__ import annotations

from typing import Any


def api_settings() -> dict[str, Any]:
    """Public reads, one JSON error format, OpenAPI schemas, CORS for /api/ only."""
    return {
        "REST_FRAMEWORK": {
            "EXCEPTION_HANDLER": "tenants.api_errors.api_exception_handler",
            "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
            "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
            "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
            # Nothing accepts a password (Basic authentication would let anyone
            # test passwords) or a session: readers are anonymous, so Wagtail's
            # privacy checks hide private pages, images and documents from them.
            "DEFAULT_AUTHENTICATION_CLASSES": [],
        },
        "SPECTACULAR_SETTINGS": {
            "TITLE": "API du réseau des CPTS",
            "DESCRIPTION": "Annuaire, couverture et données agrégées des CPTS (schéma public).",
            "VERSION": "1.0.0",
            "SERVE_INCLUDE_SCHEMA": False,
            "REDOC_DIST": "SIDECAR",
        },
        "CORS_ALLOW_ALL_ORIGINS": False,
        "CORS_URLS_REGEX": r"^/api/.*$",
    }
