"""Benchmarks: their own database, plus a tenant app whose migration they time."""

import os

from config.secret_key import data_dir, install_secret_key

from .base import *  # noqa: F403
from .base import BASE_DIR, DATABASES, MIDDLEWARE, TENANT_APPS

# Benchmarks serve real HTTP on this machine: the install's own key, never a fixed one.
SECRET_KEY = install_secret_key(data_dir(BASE_DIR))
DEBUG = False
DATABASES["default"]["NAME"] = os.environ.get("BENCH_DATABASE_NAME", "cpts_bench")
TENANT_APPS = [*TENANT_APPS, "bench.benchapp"]
INSTALLED_APPS = SHARED_APPS + [app for app in TENANT_APPS if app not in SHARED_APPS]  # noqa: F405
TENANT_MULTIPROCESSING_MAX_PROCESSES = int(os.environ.get("BENCH_PROCESSES", "2"))
MEDIA_ROOT = BASE_DIR / ".data" / "bench-media"
# bench_long_tail.py --engine elasticsearch runs against osmem-server, which wants plain JSON
# media types where the Elasticsearch 8 client sends its compatibility ones (tests do the same).
if os.environ.get("BENCH_ELASTICSEARCH_PLAIN_JSON"):
    from tests.osmem_transport import PlainJsonHttpNode

    ELASTICSEARCH_OPTIONS = {"node_class": PlainJsonHttpNode}
# bench_network_load.py --visit-every-cpts-first warms every worker's connection, told apart by
# the answering worker's pid (outermost: never part of a kept answer).
MIDDLEWARE = ["bench.benchapp.middleware.worker_header", *MIDDLEWARE]
# The long-tail benchmark counts kept answers from the responses' headers.
CPTS_RESPONSE_CACHE_HEADER = True
LOGGING = {"version": 1, "disable_existing_loggers": True}
