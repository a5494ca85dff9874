"""Settings shared by every environment of this repository's install."""

import os
from datetime import timedelta
from pathlib import Path

from django.utils.translation import gettext_lazy as _

from config.database import default_database
from cpts_network.settings import cpts_settings

BASE_DIR = Path(__file__).resolve().parent.parent.parent

SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = False

# --- The CPTS apps ------------------------------------------------------------------

# This repository is the first user of the integration any Wagtail project
# follows (README, « Use it in your own Wagtail project »): cpts_settings()
# returns the apps, middleware, routers, caches, headers and sign-in settings
# the CPTS apps need; what follows are this install's own choices, read from
# the environment. The app split is decided once: moving an app between
# SHARED_APPS and TENANT_APPS after its first migration leaves tables in the
# wrong schemas.
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    _CACHES = {
        alias: {
            "BACKEND": "cpts_network.redis_cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": alias,
        }
        for alias in ("default", "renditions")
    }
else:
    _CACHES = {
        alias: {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": alias}
        for alias in ("default", "renditions")
    }

globals().update(
    cpts_settings(
        federation_hosts=[
            h.strip()
            for h in os.environ.get("FEDERATION_HOSTS", "localhost,127.0.0.1").split(",")
            if h.strip()
        ],
        cpts_base_domain=os.environ.get("CPTS_BASE_DOMAIN", "localhost"),
        caches=_CACHES,
        elasticsearch_url=os.environ.get("ELASTICSEARCH_URL", ""),
        search_index_prefix=os.environ.get("SEARCH_INDEX_PREFIX", "cpts-"),
        require_federation_2fa=os.environ.get("FEDERATION_REQUIRE_2FA", "1") == "1",
        sign_in_failure_limit=int(os.environ.get("AXES_FAILURE_LIMIT", "5")),
        sign_in_cooloff=timedelta(minutes=int(os.environ.get("AXES_COOLOFF_MINUTES", "15"))),
        # Port shown in the URLs printed for people (the demo serves on :8000).
        public_port=os.environ.get("PUBLIC_PORT", ""),
        public_scheme=os.environ.get("PUBLIC_SCHEME", "http"),
        # Django serves MEDIA_URL itself (demo, tests); production leaves it to the web server.
        serve_media=True,
        # Only with a cache shared by every process (tenants.routing).
        routing_cache_seconds=int(os.environ.get("CPTS_ROUTING_CACHE_SECONDS", "300" if REDIS_URL else "0")),
        # Like routes, kept answers need a cache shared by every process. A write, the day and
        # the release forget them; an hour bounds what nothing announces (an event that ended).
        # 300 s kept 61 % of the long-tail model's answers, an hour 71-74 % (bench/README.md).
        response_cache_seconds=int(
            os.environ.get("CPTS_RESPONSE_CACHE_SECONDS", "3600" if REDIS_URL else "0")
        ),
        connection_max_schemas=int(os.environ.get("CPTS_CONNECTION_MAX_SCHEMAS", "10")),
        archive_dir=Path(os.environ.get("CPTS_ARCHIVE_DIR", BASE_DIR / ".data" / "archives")),
        import_max_bytes=int(os.environ.get("CPTS_IMPORT_MAX_BYTES", "200000000")),
        # The demo and the tests run background work at once; production queues it (production.py).
        tasks_in_worker=os.environ.get("CPTS_TASK_WORKER", "0") == "1",
    )
)

# The release deployed (its commit, say), the same on every server: kept answers of another one
# are not served. Unset, each process reads a digest of the project's files (tenants.release).
CPTS_RELEASE = os.environ.get("CPTS_RELEASE", "")

# The only folder searched for pg_dump and psql (archives, exports) when set (tenants.postgres).
CPTS_POSTGRES_BIN_DIR = os.environ.get("CPTS_POSTGRES_BIN_DIR", "")

# Non-public networks a webhook may reach, comma-separated CIDR (content.webhook_addresses).
CPTS_WEBHOOK_ALLOWED_NETWORKS = [
    n.strip() for n in os.environ.get("CPTS_WEBHOOK_ALLOWED_NETWORKS", "").split(",") if n.strip()
]

ALLOWED_HOSTS = [h.strip() for h in os.environ.get("ALLOWED_HOSTS", "").split(",") if h.strip()] or [
    ".localhost",
    "localhost",
    "127.0.0.1",
]

# --- Database ------------------------------------------------------------------

# django-tenants' backend on PostgreSQL: DATABASE_URL, or the embedded server.
DATABASES = {"default": default_database(BASE_DIR)}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Files -------------------------------------------------------------------

MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
MEDIA_URL = "/media/"
STATIC_ROOT = BASE_DIR / "static"
STATIC_URL = "/static/"

# --- Templates, i18n -------------------------------------------------------------

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]
WSGI_APPLICATION = "config.wsgi.application"

LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", _("Français")), ("en", _("Anglais"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Paris"
USE_I18N = True
USE_TZ = True

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# --- Wagtail -----------------------------------------------------------------------

WAGTAIL_SITE_NAME = "CPTS"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://localhost:8000")
WAGTAILADMIN_PERMITTED_LANGUAGES = [("fr", "Français"), ("en", "English")]
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# --- Logging -------------------------------------------------------------------------

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"tenant": {"()": "django_tenants.log.TenantContextFilter"}},
    "formatters": {
        "tenant": {"format": "%(asctime)s %(levelname)s [%(schema_name)s] %(name)s: %(message)s"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["tenant"],
            "formatter": "tenant",
        },
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.server": {"handlers": ["console"], "level": "INFO", "propagate": False},
        "pgserver": {"level": "WARNING"},
        "django_tasks": {"level": "WARNING"},
        "elastic_transport": {"level": "WARNING"},
        # django-axes announces itself at every start; its lockouts are warnings and stay.
        "axes.apps": {"level": "WARNING"},
    },
}
