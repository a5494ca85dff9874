"""The middleware of a CPTS project, in order, with the project's own merged in."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

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


def _merged_middleware(theirs: Iterable[str]) -> list[str]:
    ours = MIDDLEWARE_HEAD + MIDDLEWARE_TAIL
    return [*MIDDLEWARE_HEAD, *[m for m in theirs if m not in ours], *MIDDLEWARE_TAIL]


def middleware_settings(*, middleware: Iterable[str]) -> dict[str, Any]:
    """The CPTS middleware in order, the project's own between MIDDLEWARE_HEAD and MIDDLEWARE_TAIL."""
    return {"MIDDLEWARE": _merged_middleware(middleware)}
