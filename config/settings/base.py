"""Settings shared by every environment.

The app split below is decided once: moving an app between SHARED_APPS and
TENANT_APPS after its first migration leaves tables in the wrong schemas.
"""

import os
from datetime import timedelta
from pathlib import Path

from django.utils.translation import gettext_lazy as _

from config.database import default_database

BASE_DIR = Path(__file__).resolve().parent.parent.parent

SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = False

# --- Tenancy -----------------------------------------------------------------

# Apps whose tables live in the public schema: the federation's own world.
# auth, sessions and contenttypes are in both lists on purpose: each schema has
# its own accounts and sessions, so a session opened on one CPTS is worthless
# on another, and federation staff are users of the public schema.
SHARED_APPS = [
    # tenants before django_tenants: its migrate/migrate_schemas commands win.
    "tenants",
    # django.contrib.admin, with the federation's dashboard (same "admin" label),
    # before django_tenants: Django's admin templates win over django_tenants'
    # index and app list, whose inline styles the CSP refuses.
    "network.admin_site.FederationAdminConfig",
    "django_tenants",
    "network",
    "search",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "django.contrib.humanize",
    "rest_framework",
    "drf_spectacular",
    "corsheaders",
    "csp",
    # Second factor of federation staff (network.second_factor).
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    # Sign-in attempts, in both lists: each schema counts and locks its own.
    "axes",
]

# Apps whose tables live in every CPTS schema. Wagtail is here only: the public
# schema has no page tree, and its own urlconf never routes to Wagtail.
TENANT_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "content",
    "prevention",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail.api.v2",
    "wagtail",
    "wagtail_modeladmin",
    "modelcluster",
    "taggit",
    "axes",
    # Optional second factor of CPTS accounts (content.second_factor), as for federation staff.
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
]

INSTALLED_APPS = SHARED_APPS + [app for app in TENANT_APPS if app not in SHARED_APPS]

TENANT_MODEL = "tenants.CPTS"
TENANT_DOMAIN_MODEL = "tenants.Domain"
DATABASE_ROUTERS = ["django_tenants.routers.TenantSyncRouter"]
# Send `SET search_path` only when the schema changes, not before every query
# (it halved the round trips of an API request). django-tenants forgets the
# current path on rollback and savepoint rollback, which undo a SET.
TENANT_LIMIT_SET_CALLS = True
ROOT_URLCONF = "config.urls_tenant"
PUBLIC_SCHEMA_URLCONF = "config.urls_public"

# Hosts that serve the federation (public schema). Any other host must be the
# domain of a CPTS, or it gets a 404.
FEDERATION_HOSTS = [
    h.strip().lower()
    for h in os.environ.get("FEDERATION_HOSTS", "localhost,127.0.0.1").split(",")
    if h.strip()
]
# A new CPTS answers on <short name>.<CPTS_BASE_DOMAIN>.
CPTS_BASE_DOMAIN = os.environ.get("CPTS_BASE_DOMAIN", "localhost")
# Port shown in the URLs printed for people (the demo serves on :8000).
PUBLIC_PORT = os.environ.get("PUBLIC_PORT", "")
PUBLIC_SCHEME = os.environ.get("PUBLIC_SCHEME", "http")

ALLOWED_HOSTS = [h.strip() for h in os.environ.get("ALLOWED_HOSTS", "").split(",") if h.strip()] or [
    ".localhost",
    "localhost",
    "127.0.0.1",
]

MIDDLEWARE = [
    # First: a NUL byte never reaches routing or a view; API 500s stay JSON.
    "config.middleware.RequestGuardMiddleware",
    "tenants.middleware.CPTSHostMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Whether the session passed a second factor; django-otp's tables are in every schema.
    "django_otp.middleware.OTPMiddleware",
    "tenants.audit.AuditActorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "config.middleware.EditorStylesMiddleware",
    "config.middleware.PermissionsPolicyMiddleware",
    # Last, as django-axes requires: turns a locked-out sign-in into its page.
    "axes.middleware.AxesMiddleware",
]

# --- Database ------------------------------------------------------------------

DATABASES = {"default": default_database(BASE_DIR)}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Where archives of CPTS schemas (pg_dump + media) are written.
CPTS_ARCHIVE_DIR = Path(os.environ.get("CPTS_ARCHIVE_DIR", BASE_DIR / ".data" / "archives"))

# --- Cache -------------------------------------------------------------------

# Every alias is keyed by schema: Wagtail's site-root and rendition cache keys
# are global, so without the prefix one CPTS would read another's entries.
# tenants.checks refuses to start if an alias forgets it.
_TENANT_KEYS = {
    "KEY_FUNCTION": "django_tenants.cache.make_key",
    "REVERSE_KEY_FUNCTION": "django_tenants.cache.reverse_key",
}
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        alias: {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": alias,
            **_TENANT_KEYS,
        }
        for alias in ("default", "renditions")
    }
else:
    CACHES = {
        alias: {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": alias,
            **_TENANT_KEYS,
        }
        for alias in ("default", "renditions")
    }

# Seconds a host's route (CPTS id and schema) stays in the cache. Only with a
# cache shared by every process: changes must reach all of them (tenants.routing).
CPTS_ROUTING_CACHE_SECONDS = int(os.environ.get("CPTS_ROUTING_CACHE_SECONDS", "300" if REDIS_URL else "0"))

# --- Background work -----------------------------------------------------------

# Wagtail 8 enqueues reference-index, search-index and file-cleanup work through
# django-tasks, and its tasks carry no schema: a worker would run them in
# public. They run immediately, in the schema of the request or command that
# enqueued them (tenants.checks refuses any other backend).
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

# --- Files -------------------------------------------------------------------

MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
MEDIA_URL = "/media/"
# Django serves MEDIA_URL itself (demo, tests); production leaves it to the web server.
SERVE_MEDIA = True
STATIC_ROOT = BASE_DIR / "static"
STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "config" / "static"]
STORAGES = {
    # Stored names start with the schema (metz/original_images/x.jpg), so a
    # URL is right whichever schema renders it.
    "default": {"BACKEND": "tenants.storage.SchemaPrefixedFileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# --- Templates, i18n -------------------------------------------------------------

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "config" / "templates"],
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

# --- Headers -----------------------------------------------------------------------

# One strict policy, enforced on every page: the public theme, the students'
# search, the APIs and both admins run no inline script, and no inline style
# but for one exception below.
# Wagtail 8 starts its date choosers and inline panels with inline scripts:
# content's copies of those templates start them from a static file instead
# (content/static/content/admin-start.js). Wagtail's admin alone also allows
# inline <style> elements, which its rich-text editor makes
# (config.middleware.EditorStylesMiddleware). Only the Redoc pages, whose
# generated page carries an inline script and inline styles, get the policy as
# report-only (config/api_docs.py).
_STRICT_POLICY = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:", "blob:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'self'"],
}
CONTENT_SECURITY_POLICY = {"DIRECTIVES": _STRICT_POLICY}
# Features no page of the product uses, refused to any script that would.
PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()"
REFERRER_POLICY = "same-origin"
SECURE_REFERRER_POLICY = REFERRER_POLICY
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "SAMEORIGIN"

# --- Sign-in ---------------------------------------------------------------------

# django-axes, first backend: it refuses a locked-out account or address before
# any password is checked. Its tables live in every schema (SHARED_APPS and
# TENANT_APPS), so failures at Metz count at Metz only: a lockout there never
# blocks the same e-mail at Strasbourg or on the federation's admin.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Federation staff sign in with a second factor (network.second_factor).
FEDERATION_REQUIRE_2FA = os.environ.get("FEDERATION_REQUIRE_2FA", "1") == "1"
OTP_TOTP_ISSUER = "Fédération des CPTS"
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
# Either the account or the client address reaching the limit locks: guessing
# one account from many addresses, or many accounts from one address.
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("AXES_COOLOFF_MINUTES", "15")))
AXES_RESET_ON_SUCCESS = True
AXES_ENABLE_ACCESS_FAILURE_LOG = True
AXES_LOCKOUT_TEMPLATE = "locked_out.html"
AXES_HTTP_RESPONSE_CODE = 429
# Behind a reverse proxy set AXES_IPWARE_PROXY_COUNT (production.py reads it):
# otherwise every visitor shares the proxy's address.
AXES_IPWARE_META_PRECEDENCE_ORDER = ["REMOTE_ADDR"]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# --- Wagtail -----------------------------------------------------------------------

WAGTAIL_SITE_NAME = "CPTS"
# The CPTS login asks for a code of accounts that turned the second factor on.
WAGTAILADMIN_USER_LOGIN_FORM = "content.second_factor.CPTSLoginForm"
# No Gravatar: the admin would send a hash of every editor's e-mail to a third
# party on each page, and the policy below refuses images from elsewhere.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# Nor a call to releases.wagtail.org from every CPTS admin's dashboard: upgrades
# are the operator's decision, made once for the install.
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://localhost:8000")
WAGTAILADMIN_PERMITTED_LANGUAGES = [("fr", "Français"), ("en", "English")]
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
# Uploads (content/uploads.py): no format that can carry script (SVG, HTML);
# images re-encoded on upload; documents served as attachments but PDF and text.
WAGTAILDOCS_EXTENSIONS = ["pdf", "odt", "docx", "xlsx", "ods", "csv", "txt", "png", "jpg"]
WAGTAILDOCS_INLINE_CONTENT_TYPES = ["application/pdf", "text/plain"]
WAGTAILDOCS_DOCUMENT_FORM_BASE = "content.uploads.CPTSDocumentForm"
CPTS_DOCUMENT_MAX_BYTES = 20 * 1024 * 1024
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_IMAGE_FORM_BASE = "content.uploads.CPTSImageForm"
WAGTAILAPI_BASE_URL = ""
# ASCII slugs: /projet-de-sante/ survives every mail client and printed flyer.
WAGTAIL_ALLOW_UNICODE_SLUGS = False
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# --- API ---------------------------------------------------------------------------

REST_FRAMEWORK = {
    "EXCEPTION_HANDLER": "config.api_errors.api_exception_handler",
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    # Every API here is a public read: nothing accepts a password (Basic
    # authentication would let anyone test passwords without CSRF or limit) or a
    # session. Readers are anonymous users, so Wagtail's privacy checks hide
    # private pages, images and documents from them instead of failing.
    "DEFAULT_AUTHENTICATION_CLASSES": [],
}
SPECTACULAR_SETTINGS = {
    "TITLE": "API du réseau des CPTS",
    "DESCRIPTION": "Annuaire, couverture et données agrégées des CPTS (schéma public).",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
}
CORS_ALLOW_ALL_ORIGINS = False
CORS_URLS_REGEX = r"^/api/.*$"

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

# --- Students' internship search -------------------------------------------------------

# Empty: PostgreSQL full text in the public schema. Set: an Elasticsearch cluster
# holds the network's index, and each CPTS's Wagtail site search (search.wagtail).
ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL", "")
ELASTICSEARCH_OPTIONS: dict = {}
SEARCH_INDEX_PREFIX = os.environ.get("SEARCH_INDEX_PREFIX", "cpts-")
if ELASTICSEARCH_URL:
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "search.wagtail_backend",
            "URLS": [ELASTICSEARCH_URL],
            "INDEX_PREFIX": SEARCH_INDEX_PREFIX,
        }
    }
INTERNSHIP_PAGE_SIZE = 20
INTERNSHIP_PAGE_SIZE_MAX = 50
