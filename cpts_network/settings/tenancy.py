"""Tenancy: the apps of the public schema and of every CPTS schema, hosts and routing."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
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
    # The network's observatory: pages, API and open data over the values CPTS share.
    "observatory",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "django.contrib.humanize",
    "rest_framework",
    "drf_spectacular",
    # Redoc served from the install's own static files: the API docs work offline, no CDN.
    "drf_spectacular_sidecar",
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
    "aci",
    "unscheduled_care",
    "applications",
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


def _merged(ours: Sequence[str], theirs: Iterable[str]) -> list[str]:
    theirs = [app for app in theirs if app not in ours]
    return [*ours, *theirs]


def tenancy_settings(
    *,
    shared_apps: Iterable[str],
    tenant_apps: Iterable[str],
    federation_hosts: Sequence[str],
    cpts_base_domain: str,
    public_scheme: str,
    public_port: str,
    routing_cache_seconds: int,
    connection_max_schemas: int,
    response_cache_seconds: int,
) -> dict[str, Any]:
    """One schema per CPTS, the public schema for the federation; hosts and how a host is routed."""
    shared = _merged(SHARED_APPS, shared_apps)
    tenant = _merged(TENANT_APPS, tenant_apps)
    return {
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
        "CPTS_ROUTING_CACHE_SECONDS": routing_cache_seconds,
        # A backend keeps the catalog of every schema it queried: recycle it by
        # what it visited (tenants.postgresql_backend), not per request.
        "CPTS_CONNECTION_MAX_SCHEMAS": connection_max_schemas,
        # Anonymous answers of CPTS hosts, kept by schema version (tenants.response_cache).
        "CPTS_RESPONSE_CACHE_SECONDS": response_cache_seconds,
        # Say "X-Cache: hit" on a kept answer: for a benchmark's server only, since it
        # would tell anyone which addresses (which searches) were asked lately.
        "CPTS_RESPONSE_CACHE_HEADER": False,
        # Non-public networks a webhook may reach (CIDR strings); empty: public servers only
        # (content.webhook_addresses). A project opens its own front end's network here.
        "CPTS_WEBHOOK_ALLOWED_NETWORKS": [],
    }
