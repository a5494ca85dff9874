"""The settings the CPTS apps need, for any Wagtail project: ``cpts_settings()``.

An integrator's settings module calls it once and keeps its own choices::

    from cpts_network.settings import cpts_settings

    globals().update(cpts_settings(tenant_apps=["blog"], federation_hosts=["federation.example.org"]))
    DATABASES = {"default": {"ENGINE": "tenants.postgresql_backend", ...}}

It returns settings, it reads nothing from the environment: this repository's
``config/settings/base.py`` passes its environment variables in, as any
project would. ``cpts_network.checks`` tells in one line what a project that
does not call it (or overrides a piece) gets wrong. The README's « Use it in
your own Wagtail project » lists each setting, required or optional.

One module per integration returns its settings (``tenancy``, ``middleware``,
``caches`` and tasks, ``files``, ``headers``, ``sign_in``, Wagtail's in ``cms``,
``apis``, ``search``); ``cpts_settings()`` composes them and refuses a setting
that two of them would give.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import timedelta
from pathlib import Path
from typing import Any

from .apis import api_settings
from .caches import IMMEDIATE_TASKS, TENANT_KEY_FUNCTIONS, WORKER_TASKS, cache_and_task_settings, tenant_keyed
from .cms import wagtail_settings
from .files import file_settings
from .headers import STRICT_POLICY, header_settings
from .middleware import MIDDLEWARE_HEAD, MIDDLEWARE_TAIL, middleware_settings
from .search import search_settings
from .sign_in import sign_in_settings
from .tenancy import SHARED_APPS, TENANT_APPS, tenancy_settings

__all__ = [
    "IMMEDIATE_TASKS",
    "MIDDLEWARE_HEAD",
    "MIDDLEWARE_TAIL",
    "SHARED_APPS",
    "STRICT_POLICY",
    "TENANT_APPS",
    "TENANT_KEY_FUNCTIONS",
    "WORKER_TASKS",
    "api_settings",
    "cache_and_task_settings",
    "cpts_settings",
    "file_settings",
    "header_settings",
    "middleware_settings",
    "search_settings",
    "sign_in_settings",
    "tenancy_settings",
    "tenant_keyed",
    "wagtail_settings",
]


def _composed(*parts: dict[str, Any]) -> dict[str, Any]:
    """The parts in one dict; a setting given by two parts is a mistake, not an override."""
    settings: dict[str, Any] = {}
    for part in parts:
        if twice := settings.keys() & part.keys():
            raise ValueError(f"Réglages donnés deux fois : {sorted(twice)}")
        settings.update(part)
    return settings


def cpts_settings(
    *,
    shared_apps: Iterable[str] = (),
    tenant_apps: Iterable[str] = (),
    middleware: Iterable[str] = (),
    federation_hosts: Sequence[str] = ("localhost", "127.0.0.1"),
    cpts_base_domain: str = "localhost",
    caches: dict[str, dict] | None = None,
    elasticsearch_url: str = "",
    search_index_prefix: str = "cpts-",
    require_federation_2fa: bool = True,
    sign_in_failure_limit: int = 5,
    sign_in_cooloff: timedelta = timedelta(minutes=15),
    public_scheme: str = "https",
    public_port: str = "",
    serve_media: bool = False,
    routing_cache_seconds: int = 0,
    connection_max_schemas: int = 10,
    response_cache_seconds: int = 0,
    archive_dir: Path | str = "cpts-archives",
    import_max_bytes: int = 200_000_000,
    tasks_in_worker: bool = False,
) -> dict[str, Any]:
    """The settings the CPTS apps require, with the project's own apps and middleware merged in.

    ``shared_apps`` and ``tenant_apps`` are the project's additions (an app of
    pages goes in ``tenant_apps``, where Wagtail is); ``middleware`` is the
    project's own, placed after the session, authentication and messages
    middleware and before the headers and the sign-in lockout.
    ``public_scheme`` and ``public_port`` make the URLs printed for people;
    ``serve_media`` lets Django serve MEDIA_URL with the CPTS's rules
    (cpts_network.media) when no web server does; ``routing_cache_seconds``
    keeps a host's schema in the cache, only with a cache every process
    shares; ``connection_max_schemas`` closes a persistent database
    connection once it has visited that many CPTS schemas (0: never), which
    bounds each PostgreSQL backend's memory; ``response_cache_seconds`` keeps
    anonymous answers of CPTS hosts until their data changes, at most that long
    (0: off), only with a cache every process shares; ``archive_dir``
    receives archived CPTS (pg_dump and media); ``import_max_bytes`` is the
    largest export, or ZIP of its files once unpacked, a CPTS may import;
    ``tasks_in_worker`` queues background work for ``manage.py task_worker``
    instead of running it in the request (production).

    Composed of one function per integration (tenancy, middleware, caches and
    tasks, files, headers, sign-in, Wagtail, APIs, search), each usable alone.
    """
    return _composed(
        tenancy_settings(
            shared_apps=shared_apps,
            tenant_apps=tenant_apps,
            federation_hosts=federation_hosts,
            cpts_base_domain=cpts_base_domain,
            public_scheme=public_scheme,
            public_port=public_port,
            routing_cache_seconds=routing_cache_seconds,
            connection_max_schemas=connection_max_schemas,
            response_cache_seconds=response_cache_seconds,
        ),
        middleware_settings(middleware=middleware),
        cache_and_task_settings(caches=caches, tasks_in_worker=tasks_in_worker),
        file_settings(serve_media=serve_media, archive_dir=archive_dir, import_max_bytes=import_max_bytes),
        header_settings(),
        sign_in_settings(
            require_federation_2fa=require_federation_2fa,
            failure_limit=sign_in_failure_limit,
            cooloff=sign_in_cooloff,
        ),
        wagtail_settings(),
        api_settings(),
        search_settings(elasticsearch_url=elasticsearch_url, search_index_prefix=search_index_prefix),
    )
