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
"""

from collections.abc import Iterable, Sequence
from datetime import timedelta
from pathlib import Path
from typing import Any

# Apps whose tables live in the public schema: the federation's own world.
# auth, sessions and contenttypes are in both lists on purpose: each schema has
# its own accounts and sessions, so a session opened on one CPTS is worthless
# on another, and federation staff are users of the public schema.
SHARED_APPS = [
    # First: its templates (base, error pages, the federation admin's index) win.
    "cpts_network",
    # tenants before django_tenants: its migrate/migrate_schemas commands win.
    "tenants",
    # django.contrib.admin, with the federation's dashboard (same "admin" label),
    # before django_tenants: Django's admin templates win over django_tenants'
    # index and app list, whose inline styles the CSP refuses.
    "network.admin_site.FederationAdminConfig",
    "django_tenants",
    "network",
    "search",
    # Public tables (the network's posts, subscriptions); its admin screen and
    # signals serve every CPTS from there.
    "syndication",
    "access",
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
    # The background tasks' queue (public schema only); each row names its CPTS schema
    # (tenants.tasks.SchemaCarryingDatabaseBackend, manage.py task_worker).
    "django_tasks_db",
]

# Apps whose tables live in every CPTS schema. Wagtail is here only: the public
# schema has no page tree, and its own urlconf never routes to Wagtail.
TENANT_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    # Before wagtail.admin: content's copies of Wagtail's widget templates win.
    "content",
    "prevention",
    "members",
    "site_import",
    "team",
    "wagtail.contrib.forms",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.redirects",
    # sitemap.xml of each CPTS host (Django's sitemap templates, Wagtail's pages).
    "django.contrib.sitemaps",
    "wagtail.contrib.sitemaps",
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

# The middleware, in order. A project's own goes where cpts_settings() puts it
# (before the headers and the sign-in lockout, which must stay last).
MIDDLEWARE_HEAD = [
    # First: a NUL byte never reaches routing or a view; API 500s stay JSON.
    "cpts_network.middleware.RequestGuardMiddleware",
    # The Host decides the schema, before anything reads the database.
    "tenants.middleware.CPTSHostMiddleware",
    # Then an anonymous visitor's answer may come from the cache, before
    # sessions, authentication or any query in the CPTS's schema.
    "tenants.response_cache.ResponseCacheMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # No LocaleMiddleware: the sites' content is French, so their dates, numbers
    # and labels are French whatever the browser asks (LANGUAGE_CODE). Wagtail's
    # admin still follows each editor's own choice of language in their profile.
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Whether the session passed a second factor; django-otp's tables are in every schema.
    "django_otp.middleware.OTPMiddleware",
    "tenants.audit.AuditActorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
]
MIDDLEWARE_TAIL = [
    # A 404 on a CPTS host may be an old address: Wagtail's redirects, never on the federation's.
    "content.redirects.CPTSRedirectMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    # After django-csp's: it marks Wagtail admin answers before the policy is written.
    "cpts_network.middleware.EditorStylesMiddleware",
    "cpts_network.middleware.PermissionsPolicyMiddleware",
    # Last, as django-axes requires: turns a locked-out sign-in into its page.
    "axes.middleware.AxesMiddleware",
]

# Background work: at once in the caller's process, or queued for ``manage.py task_worker``.
IMMEDIATE_TASKS = "tenants.tasks.HoldingImmediateBackend"
WORKER_TASKS = "tenants.tasks.SchemaCarryingDatabaseBackend"

TENANT_KEY_FUNCTIONS = {
    "KEY_FUNCTION": "django_tenants.cache.make_key",
    "REVERSE_KEY_FUNCTION": "django_tenants.cache.reverse_key",
}

# One strict policy, enforced on every page: the public theme, the students'
# search, the APIs and both admins run no inline script, and no inline style
# but for one exception below.
# Wagtail 8 starts its date choosers and inline panels with inline scripts:
# content's copies of those templates start them from a static file instead
# (content/static/content/admin-start.js). Wagtail's admin alone also allows
# inline <style> elements, which its rich-text editor makes
# (cpts_network.middleware.EditorStylesMiddleware). Only the Redoc pages, whose
# generated page carries an inline script and inline styles, get the policy as
# report-only (cpts_network/api_docs.py).
STRICT_POLICY = {
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


def _merged(ours: Sequence[str], theirs: Iterable[str]) -> list[str]:
    theirs = [app for app in theirs if app not in ours]
    return [*ours, *theirs]


def _merged_middleware(theirs: Iterable[str]) -> list[str]:
    ours = MIDDLEWARE_HEAD + MIDDLEWARE_TAIL
    return [*MIDDLEWARE_HEAD, *[m for m in theirs if m not in ours], *MIDDLEWARE_TAIL]


def tenant_keyed(caches: dict[str, dict]) -> dict[str, dict]:
    """Every cache alias keyed by schema: Wagtail's site-root and rendition keys are global,
    so without the prefix one CPTS would read another's entries (tenants.checks insists)."""
    return {alias: {**config, **TENANT_KEY_FUNCTIONS} for alias, config in caches.items()}


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
    """
    shared = _merged(SHARED_APPS, shared_apps)
    tenant = _merged(TENANT_APPS, tenant_apps)
    caches = caches or {
        alias: {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": alias}
        for alias in ("default", "renditions")
    }
    settings: dict[str, Any] = {
        # --- Tenancy: one schema per CPTS, the public schema for the federation.
        "SHARED_APPS": shared,
        "TENANT_APPS": tenant,
        "INSTALLED_APPS": shared + [app for app in tenant if app not in shared],
        "TENANT_MODEL": "tenants.CPTS",
        "TENANT_DOMAIN_MODEL": "tenants.Domain",
        # django-tenants' default, stated: it reads this with getattr() at every
        # schema switch, and a missing setting costs Django an exception each time.
        "PUBLIC_SCHEMA_NAME": "public",
        "DATABASE_ROUTERS": ["django_tenants.routers.TenantSyncRouter"],
        # Send `SET search_path` only when the schema changes, not before every
        # query (it halved the round trips of an API request).
        "TENANT_LIMIT_SET_CALLS": True,
        "ROOT_URLCONF": "cpts_network.urls_tenant",
        "PUBLIC_SCHEMA_URLCONF": "cpts_network.urls_public",
        # Hosts that serve the federation (public schema); any other host must be
        # the domain of a CPTS, or it gets a 404.
        "FEDERATION_HOSTS": [host.lower() for host in federation_hosts],
        # A new CPTS answers on <short name>.<CPTS_BASE_DOMAIN>.
        "CPTS_BASE_DOMAIN": cpts_base_domain,
        "PUBLIC_SCHEME": public_scheme,
        "PUBLIC_PORT": public_port,
        "SERVE_MEDIA": serve_media,
        "CPTS_ROUTING_CACHE_SECONDS": routing_cache_seconds,
        # A backend keeps the catalog of every schema it queried: recycle it by
        # what it visited (tenants.postgresql_backend), not per request.
        "CPTS_CONNECTION_MAX_SCHEMAS": connection_max_schemas,
        # Anonymous answers of CPTS hosts, kept by schema version (tenants.response_cache).
        "CPTS_RESPONSE_CACHE_SECONDS": response_cache_seconds,
        "CPTS_ARCHIVE_DIR": Path(archive_dir),
        "CPTS_IMPORT_MAX_BYTES": import_max_bytes,
        # Non-public networks a webhook may reach (CIDR strings); empty: public servers only
        # (content.webhook_addresses). A project opens its own front end's network here.
        "CPTS_WEBHOOK_ALLOWED_NETWORKS": [],
        "MIDDLEWARE": _merged_middleware(middleware),
        # --- Caches and background work.
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
        # --- Files: stored names start with the schema (metz/original_images/x.jpg).
        "STORAGES": {
            "default": {"BACKEND": "tenants.storage.SchemaPrefixedFileSystemStorage"},
            "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
        },
        # --- Headers.
        "CONTENT_SECURITY_POLICY": {"DIRECTIVES": STRICT_POLICY},
        # Features no page of the product uses, refused to any script that would.
        "PERMISSIONS_POLICY": (
            "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()"
        ),
        "REFERRER_POLICY": "same-origin",
        "SECURE_REFERRER_POLICY": "same-origin",
        "SECURE_CONTENT_TYPE_NOSNIFF": True,
        "X_FRAME_OPTIONS": "SAMEORIGIN",
        # --- Sign-in. django-axes first: it refuses a locked-out account or
        # address before any password is checked. Its tables live in every
        # schema, so failures at Metz count at Metz only.
        "AUTHENTICATION_BACKENDS": [
            "axes.backends.AxesStandaloneBackend",
            "django.contrib.auth.backends.ModelBackend",
        ],
        "FEDERATION_REQUIRE_2FA": require_federation_2fa,
        "OTP_TOTP_ISSUER": "Fédération des CPTS",
        "AXES_FAILURE_LIMIT": sign_in_failure_limit,
        # One account from one client address reaching the limit locks that pair only;
        # elsewhere the account is slowed down, never locked (tenants/sign_in_throttle.py).
        "AXES_LOCKOUT_PARAMETERS": [["username", "ip_address"]],
        "AXES_HANDLER": "tenants.sign_in_throttle.SlowingAxesHandler",
        "SIGN_IN_SLOWDOWN_MAX_SECONDS": 30,
        # A try refused while locked or slowed is not counted: it would push the delay on.
        "AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT": False,
        "AXES_COOLOFF_TIME": sign_in_cooloff,
        "AXES_RESET_ON_SUCCESS": True,
        "AXES_ENABLE_ACCESS_FAILURE_LOG": True,
        "AXES_LOCKOUT_TEMPLATE": "cpts_network/locked_out.html",
        "AXES_HTTP_RESPONSE_CODE": 429,
        # The client's address for lockouts and the forms' rate limits: REMOTE_ADDR, or behind
        # CPTS_TRUSTED_PROXIES proxies the address they forwarded (tenants.client_address).
        "CPTS_TRUSTED_PROXIES": 0,
        "AXES_CLIENT_IP_CALLABLE": "tenants.client_address.client_address",
        "RATELIMIT_IP_META_KEY": "tenants.client_address.client_address",
        # --- Wagtail.
        # The CPTS login asks for a code of accounts that turned the second factor on.
        "WAGTAILADMIN_USER_LOGIN_FORM": "content.second_factor.CPTSLoginForm",
        # Members sign in here to read pages and documents kept for them (members.accounts).
        "WAGTAIL_FRONTEND_LOGIN_TEMPLATE": "members/login.html",
        # No Gravatar (a hash of every editor's e-mail sent away), no call to
        # releases.wagtail.org from every CPTS admin's dashboard.
        "WAGTAIL_GRAVATAR_PROVIDER_URL": None,
        "WAGTAIL_ENABLE_UPDATE_CHECK": False,
        # Uploads (content/uploads.py): no format that can carry script (SVG,
        # HTML); images re-encoded on upload; documents served as attachments but PDF and text.
        "WAGTAILDOCS_EXTENSIONS": ["pdf", "odt", "docx", "xlsx", "ods", "csv", "txt", "png", "jpg"],
        "WAGTAILDOCS_INLINE_CONTENT_TYPES": ["application/pdf", "text/plain"],
        "WAGTAILDOCS_DOCUMENT_FORM_BASE": "content.uploads.CPTSDocumentForm",
        "CPTS_DOCUMENT_MAX_BYTES": 20 * 1024 * 1024,
        "WAGTAILIMAGES_EXTENSIONS": ["gif", "jpg", "jpeg", "png", "webp"],
        "WAGTAILIMAGES_MAX_UPLOAD_SIZE": 10 * 1024 * 1024,
        "WAGTAILIMAGES_IMAGE_FORM_BASE": "content.uploads.CPTSImageForm",
        "WAGTAILAPI_BASE_URL": "",
        # ASCII slugs: /projet-de-sante/ survives every mail client and printed flyer.
        "WAGTAIL_ALLOW_UNICODE_SLUGS": False,
        "WAGTAILSEARCH_BACKENDS": {"default": {"BACKEND": "wagtail.search.backends.database"}},
        # --- APIs: public reads, one JSON error format.
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
        },
        "CORS_ALLOW_ALL_ORIGINS": False,
        "CORS_URLS_REGEX": r"^/api/.*$",
        # --- Students' internship search: PostgreSQL full text in the public
        # schema, or an Elasticsearch cluster holding the network's index and
        # each CPTS's Wagtail site search (search.wagtail_backend).
        "ELASTICSEARCH_URL": elasticsearch_url,
        "ELASTICSEARCH_OPTIONS": {},
        "SEARCH_INDEX_PREFIX": search_index_prefix,
        "INTERNSHIP_PAGE_SIZE": 20,
        "INTERNSHIP_PAGE_SIZE_MAX": 50,
    }
    if elasticsearch_url:
        settings["WAGTAILSEARCH_BACKENDS"] = {
            "default": {
                "BACKEND": "search.wagtail_backend",
                "URLS": [elasticsearch_url],
                "INDEX_PREFIX": search_index_prefix,
            }
        }
    return settings
