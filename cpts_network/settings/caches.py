"""Caches keyed by schema, and background work (django-tasks)."""

from __future__ import annotations

from typing import Any

# Background work: at once in the caller's process, or queued for ``manage.py task_worker``.
IMMEDIATE_TASKS = "tenants.tasks.HoldingImmediateBackend"
WORKER_TASKS = "tenants.tasks.SchemaCarryingDatabaseBackend"

TENANT_KEY_FUNCTIONS = {
    "KEY_FUNCTION": "django_tenants.cache.make_key",
    "REVERSE_KEY_FUNCTION": "django_tenants.cache.reverse_key",
}


def tenant_keyed(caches: dict[str, dict]) -> dict[str, dict]:
    """Every cache alias keyed by schema: Wagtail's site-root and rendition keys are global,
    so without the prefix one CPTS would read another's entries (tenants.checks insists)."""
    return {alias: {**config, **TENANT_KEY_FUNCTIONS} for alias, config in caches.items()}


def cache_and_task_settings(*, caches: dict[str, dict] | None, tasks_in_worker: bool) -> dict[str, Any]:
    """Caches keyed by schema (local memory unless the project gives its own) and background work."""
    caches = caches or {
        alias: {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": alias}
        for alias in ("default", "renditions")
    }
    return {
        "CACHES": tenant_keyed(caches),
        # The contact form's rate limits count in the cache: while Redis is away they
        # let posts through rather than refuse every visitor (tenants.cache_outage).
        "RATELIMIT_FAIL_OPEN": True,
        # Wagtail 8 enqueues reference-index, search-index and file-cleanup work
        # through django-tasks, and its tasks carry no schema. They run either at
        # once, in the schema of the request or command that enqueued them, or in
        # ``manage.py task_worker`` from a queue whose rows keep that schema
        # (tenants.tasks; tenants.checks refuses any other backend); a long write
        # may hold some to do them in bulk.
        "TASKS": {"default": {"BACKEND": WORKER_TASKS if tasks_in_worker else IMMEDIATE_TASKS}},
    }
