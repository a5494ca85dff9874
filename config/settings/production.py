"""Production: fails loudly rather than inventing a secret or a host."""

import os

from django.core.exceptions import ImproperlyConfigured

from config.secret_key import production_key_problem
from cpts_network.settings import WORKER_TASKS

from .base import *  # noqa: F403
from .base import SECRET_KEY

if problem := production_key_problem(SECRET_KEY):
    raise ImproperlyConfigured(problem)
if not os.environ.get("ALLOWED_HOSTS"):
    raise ImproperlyConfigured("ALLOWED_HOSTS doit être défini en production.")

DEBUG = False
# Background work (webhooks, search and reference indexes) in `manage.py task_worker`, never in a
# request; CPTS_TASK_WORKER=0 runs it at once instead, for an install without a worker process.
if os.environ.get("CPTS_TASK_WORKER", "1") == "1":
    TASKS = {"default": {"BACKEND": WORKER_TASKS}}
SERVE_MEDIA = os.environ.get("SERVE_MEDIA", "") == "1"
# The scheme of the URLs printed for people (e-mails, invitations) follows the cookies' rule.
PUBLIC_SCHEME = os.environ.get("PUBLIC_SCHEME", "https")
HTTPS = PUBLIC_SCHEME == "https"
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SESSION_COOKIE_HTTPONLY = True
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = HTTPS and os.environ.get("SECURE_SSL_REDIRECT", "1") == "1"
# HSTS on every host (the federation's and each CPTS's). includeSubDomains and
# preload bind every subdomain of a domain the install may not own (a CPTS's
# own domain name): off unless the operator says so for the domains they run.
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000")) if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = os.environ.get("SECURE_HSTS_INCLUDE_SUBDOMAINS", "") == "1"
SECURE_HSTS_PRELOAD = os.environ.get("SECURE_HSTS_PRELOAD", "") == "1"
SILENCED_SYSTEM_CHECKS = [
    # Decided above, per deployment (SECURE_HSTS_INCLUDE_SUBDOMAINS, SECURE_HSTS_PRELOAD).
    "security.W005",
    "security.W021",
    # SAMEORIGIN, not DENY: Wagtail's live preview shows the page in a frame of the admin.
    "security.W019",
]
# drf-spectacular's deploy check builds a schema of ROOT_URLCONF in the public
# schema: neither documented schema (each host serves its own, from its own
# urlconf, and tests/test_api_fuzz.py checks both on their hosts).
SPECTACULAR_SETTINGS = {**SPECTACULAR_SETTINGS, "ENABLE_DJANGO_DEPLOY_CHECK": False}  # noqa: F405
# The client address for sign-in lockouts and rate limits, behind this many trusted proxies that
# write X-Forwarded-For (deploy/nginx: one). 0 when the app servers face the internet directly.
CPTS_TRUSTED_PROXIES = int(os.environ.get("CPTS_TRUSTED_PROXIES", "1"))
# Static files from the app servers themselves (WhiteNoise): hashed names, served with a year's
# `Cache-Control: immutable`, compressed, before any host routing or database query. A proxy in
# front may serve STATIC_ROOT instead (deploy/nginx); both give the same answers.
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
MIDDLEWARE = [MIDDLEWARE[0], "whitenoise.middleware.WhiteNoiseMiddleware", *MIDDLEWARE[1:]]  # noqa: F405
