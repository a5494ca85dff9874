"""Test settings: the same stack as production, faster password hashing."""

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-not-secret"  # noqa: S105
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
ALLOWED_HOSTS = [".localhost", "localhost", "127.0.0.1", "testserver"]
FEDERATION_HOSTS = ["localhost", "testserver"]
WAGTAILADMIN_BASE_URL = "http://localhost"
# A tenant app whose migrations the tests of migrate_network unapply and replay.
TENANT_APPS = [*TENANT_APPS, "tests.replay_app"]  # noqa: F405
INSTALLED_APPS = SHARED_APPS + [app for app in TENANT_APPS if app not in SHARED_APPS]  # noqa: F405
# Answers and routes are kept only in the tests that turn them on (tests/tenants/test_routing.py,
# test_response_cache.py), which empty the cache around them. A test's writes never commit, so no
# schema version changes between tests: with REDIS_URL, an answer kept by one test would be
# served to the next.
CPTS_RESPONSE_CACHE_SECONDS = 0
CPTS_ROUTING_CACHE_SECONDS = 0
