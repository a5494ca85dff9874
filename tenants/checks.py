"""System checks for settings that would silently mix CPTS data."""

from django.conf import settings
from django.core.checks import Error, Warning, register

TENANT_KEY_FUNCTION = "django_tenants.cache.make_key"


@register()
def cache_aliases_are_tenant_keyed(app_configs, **kwargs):
    return [
        Error(
            f"Le cache « {alias} » n'utilise pas {TENANT_KEY_FUNCTION} : "
            "ses clés seraient partagées entre CPTS.",
            id="tenants.E001",
        )
        for alias, config in settings.CACHES.items()
        if config.get("KEY_FUNCTION") != TENANT_KEY_FUNCTION
    ]


@register()
def wagtail_is_tenant_only(app_configs, **kwargs):
    shared_wagtail = [app for app in settings.SHARED_APPS if app.startswith("wagtail")]
    return [
        Error(
            f"{app} est dans SHARED_APPS : Wagtail ne doit exister que dans les schémas des CPTS.",
            id="tenants.E002",
        )
        for app in shared_wagtail
    ]


IMMEDIATE_BACKEND = "django_tasks.backends.immediate.ImmediateBackend"


def _runs_at_once(backend: str) -> bool:
    """Whether a backend runs tasks in their schema: at once, or through the queue that keeps it."""
    from django.utils.module_loading import import_string
    from django_tasks.backends.immediate import ImmediateBackend

    from .tasks import SchemaCarryingDatabaseBackend

    try:
        return issubclass(import_string(backend), ImmediateBackend | SchemaCarryingDatabaseBackend)
    except ImportError:
        return False


@register()
def tasks_run_in_their_schema(app_configs, **kwargs):
    return [
        Error(
            f"La file de tâches « {alias} » ne garde pas le schéma : les tâches de Wagtail "
            "n'en portent pas et s'exécuteraient dans le schéma public.",
            hint="Utilisez tenants.tasks.HoldingImmediateBackend (tout de suite) ou "
            "tenants.tasks.SchemaCarryingDatabaseBackend (manage.py task_worker).",
            id="tenants.E003",
        )
        for alias, config in getattr(settings, "TASKS", {}).items()
        if not _runs_at_once(config.get("BACKEND", ""))
    ]


PER_PROCESS_CACHES = (
    "django.core.cache.backends.locmem.LocMemCache",
    "django.core.cache.backends.dummy.DummyCache",
)


@register()
def kept_answers_need_a_shared_cache(app_configs, **kwargs):
    """A write seen by one process must reach every process's kept answers (tenants.response_cache)."""
    backend = settings.CACHES["default"]["BACKEND"]
    if getattr(settings, "CPTS_RESPONSE_CACHE_SECONDS", 0) and backend in PER_PROCESS_CACHES:
        return [
            Warning(
                "CPTS_RESPONSE_CACHE_SECONDS est actif avec un cache propre à chaque processus : "
                "les autres processus serviraient des réponses périmées après une modification.",
                hint="Utilisez un cache partagé (Redis) ou mettez CPTS_RESPONSE_CACHE_SECONDS à 0.",
                id="tenants.W004",
            )
        ]
    return []


# Redis refuses writes once full under these: kept answers would then fail as an outage does.
POLICIES_THAT_NEVER_EVICT_ANSWERS = ("noeviction",)


@register(deploy=True)
def kept_answers_have_a_bounded_redis(app_configs, **kwargs):
    """Kept answers live as long as their versions hold: Redis must bound them (``manage.py check --deploy``).

    A full Redis without eviction refuses every write, which the cache client
    takes for an outage (``tenants.cache_outage``): each process would then
    answer from PostgreSQL and renew every version, again and again.
    """
    if not getattr(settings, "CPTS_RESPONSE_CACHE_SECONDS", 0):
        return []
    from django.core.cache import cache

    client = getattr(getattr(cache, "_cache", None), "get_client", None)
    if client is None:
        return []
    try:
        found = client(write=False).config_get("maxmemory*")
    except Exception as error:  # noqa: BLE001 - a managed Redis may forbid CONFIG: say it, do not fail
        return [
            Warning(
                f"Impossible de lire la configuration de Redis ({error}) : vérifiez que maxmemory et une "
                "politique d'éviction (allkeys-lru) y sont réglés.",
                id="tenants.W006",
            )
        ]
    policy, limit = found.get("maxmemory-policy", ""), int(found.get("maxmemory", 0) or 0)
    if limit and policy not in POLICIES_THAT_NEVER_EVICT_ANSWERS:
        return []
    return [
        Warning(
            f"Redis garde les réponses sans borne (maxmemory {limit}, politique {policy}) : plein, il "
            "refuserait toute écriture et chaque processus répondrait comme pendant une panne.",
            hint="redis-cli config set maxmemory 1gb; redis-cli config set maxmemory-policy allkeys-lru; "
            "redis-cli config rewrite (deploy/README.md).",
            id="tenants.W005",
        )
    ]
