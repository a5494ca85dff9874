"""A single-site Wagtail with no tenancy: the baseline of bench/bench_site_api.py.

Same code and page models, every app in one schema, no Host-to-schema
middleware and no schema router. Never used to serve CPTS.
"""

import os

from .base import *  # noqa: F403
from .base import DATABASES, MIDDLEWARE

SECRET_KEY = "single-site-bench-only"  # noqa: S105
DEBUG = False
DATABASES["default"]["NAME"] = os.environ.get("SINGLE_SITE_DATABASE_NAME", "cpts_single_site")
DATABASE_ROUTERS: list[str] = []
MIDDLEWARE = [m for m in MIDDLEWARE if m != "tenants.middleware.CPTSHostMiddleware"]
ALLOWED_HOSTS = ["*"]
LOGGING = {"version": 1, "disable_existing_loggers": True}
