"""Production: fails loudly rather than inventing a secret or a host."""

import os

from django.core.exceptions import ImproperlyConfigured

from config.secret_key import production_key_problem

from .base import *  # noqa: F403
from .base import SECRET_KEY

if problem := production_key_problem(SECRET_KEY):
    raise ImproperlyConfigured(problem)
if not os.environ.get("ALLOWED_HOSTS"):
    raise ImproperlyConfigured("ALLOWED_HOSTS doit être défini en production.")

DEBUG = False
SERVE_MEDIA = os.environ.get("SERVE_MEDIA", "") == "1"
SESSION_COOKIE_SECURE = os.environ.get("PUBLIC_SCHEME", "https") == "https"
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage",
    },
}
