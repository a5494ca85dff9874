"""A single-site Wagtail with no tenancy: the baseline of bench/bench_site_api.py.

Same code and page models, every app in one schema, no Host-to-schema
middleware and no schema router. Never used to serve CPTS.
"""

import os

from config.secret_key import data_dir, install_secret_key

from .base import *  # noqa: F403
from .base import BASE_DIR, DATABASES, INSTALLED_APPS, MIDDLEWARE

# Benchmarks serve real HTTP on this machine: the install's own key, never a fixed one.
SECRET_KEY = install_secret_key(data_dir(BASE_DIR))
DEBUG = False
DATABASES["default"]["NAME"] = os.environ.get("SINGLE_SITE_DATABASE_NAME", "cpts_single_site")
# django-tenants stays installed (its router is mandatory); every app is
# "shared", so all tables live in the public schema and no request switches.
SHARED_APPS = list(INSTALLED_APPS)
# django-tenants refuses an empty list; no tenant schema exists here anyway.
TENANT_APPS = ["django.contrib.contenttypes"]
MIDDLEWARE = [m for m in MIDDLEWARE if m != "tenants.middleware.CPTSHostMiddleware"]
ALLOWED_HOSTS = ["*"]
# The long-tail benchmark counts kept answers from the responses' headers.
CPTS_RESPONSE_CACHE_HEADER = True
LOGGING = {"version": 1, "disable_existing_loggers": True}
# What makes it a baseline rather than a network: every app shared, no Host
# routing. The checks that guard a network would refuse exactly that.
SILENCED_SYSTEM_CHECKS = ["tenants.E002", "cpts_network.E002", "cpts_network.E007"]
# One schema, no tenancy: any write may change what the site shows, so every
# write gives it a new version (tenants.schema_versions), as a CPTS's do.
CPTS_EVERY_TABLE_IS_SHOWN = True
