"""System checks of an integration: each says in one line what is missing or misordered.

They run with every ``manage.py`` command, so a project that forgets a piece of
``cpts_settings()`` (or overrides one wrongly) stops before serving a page.
The checks that protect CPTS data from each other (cache keys, Wagtail only in
CPTS schemas, immediate tasks) are ``tenants.checks``.
"""

from django.apps import apps
from django.conf import settings
from django.core.checks import Error, register

from cpts_network.settings import MIDDLEWARE_HEAD, MIDDLEWARE_TAIL

HINT = "Voir cpts_network.settings.cpts_settings() et le README (« Use it in your own Wagtail project »)."
REQUIRED = [
    "TENANT_MODEL",
    "TENANT_DOMAIN_MODEL",
    "PUBLIC_SCHEMA_URLCONF",
    "FEDERATION_HOSTS",
    "CPTS_BASE_DOMAIN",
    "CPTS_ARCHIVE_DIR",
    "SERVE_MEDIA",
    "PUBLIC_SCHEME",
    "PUBLIC_PORT",
    "CPTS_ROUTING_CACHE_SECONDS",
    "CPTS_DOCUMENT_MAX_BYTES",
    "PERMISSIONS_POLICY",
    "FEDERATION_REQUIRE_2FA",
    "ELASTICSEARCH_URL",
    "SEARCH_INDEX_PREFIX",
    "INTERNSHIP_PAGE_SIZE",
    "INTERNSHIP_PAGE_SIZE_MAX",
]
SHARED = ["cpts_network", "tenants", "django_tenants", "network", "search", "syndication"]
TENANT = ["content", "prevention"]
BACKENDS = ("tenants.postgresql_backend", "django_tenants.postgresql_backend")
ROUTER = "django_tenants.routers.TenantSyncRouter"


def _error(message: str, number: int) -> Error:
    return Error(message, hint=HINT, id=f"cpts_network.E{number:03d}")


@register()
def required_settings(app_configs, **kwargs) -> list[Error]:
    return [_error(f"Réglage manquant : {name}.", 1) for name in REQUIRED if not hasattr(settings, name)]


@register()
def apps_in_their_schemas(app_configs, **kwargs) -> list[Error]:
    errors = []
    shared, tenant = getattr(settings, "SHARED_APPS", []), getattr(settings, "TENANT_APPS", [])
    for app in SHARED:
        if not any(entry == app or entry.startswith(f"{app}.") for entry in shared):
            errors.append(_error(f"« {app} » manque dans SHARED_APPS.", 2))
    for app in TENANT:
        if app not in tenant:
            errors.append(_error(f"« {app} » manque dans TENANT_APPS.", 2))
    both = {"content", "wagtail.admin"} <= set(tenant)
    if both and tenant.index("content") > tenant.index("wagtail.admin"):
        errors.append(_error("« content » doit précéder « wagtail.admin » dans TENANT_APPS.", 3))
    if not _is_the_network_search():
        errors.append(
            _error(
                "L'application « search » n'est pas celle du réseau des CPTS "
                "(le dossier search/ créé par « wagtail start » la masque : supprimez-le).",
                4,
            )
        )
    return errors


def _is_the_network_search() -> bool:
    if not apps.is_installed("search"):
        return True  # reported above as missing
    # Another app named « search » (the one `wagtail start` makes) has no network_sync.
    try:
        from search import network_sync  # noqa: F401
    except ImportError:
        return False
    return True


@register()
def database_and_router(app_configs, **kwargs) -> list[Error]:
    errors = []
    engine = settings.DATABASES.get("default", {}).get("ENGINE", "")
    if engine not in BACKENDS:
        errors.append(_error(f"La base « default » doit utiliser {BACKENDS[0]} (ENGINE : {engine}).", 5))
    if ROUTER not in getattr(settings, "DATABASE_ROUTERS", []):
        errors.append(_error(f"DATABASE_ROUTERS doit contenir {ROUTER}.", 6))
    return errors


@register()
def middleware_in_order(app_configs, **kwargs) -> list[Error]:
    present = list(settings.MIDDLEWARE)
    missing = [m for m in MIDDLEWARE_HEAD + MIDDLEWARE_TAIL if m not in present]
    if missing:
        return [_error(f"Middleware manquant : {m}.", 7) for m in missing]
    positions = [present.index(m) for m in MIDDLEWARE_HEAD + MIDDLEWARE_TAIL]
    if positions != sorted(positions):
        return [_error("Middleware dans le désordre : suivez l'ordre de cpts_settings()['MIDDLEWARE'].", 8)]
    if present[-1] != MIDDLEWARE_TAIL[-1]:
        return [_error(f"{MIDDLEWARE_TAIL[-1]} doit être le dernier middleware.", 8)]
    return []
