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
