"""Test settings: the same stack as production, faster password hashing."""

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-not-secret"  # noqa: S105
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
ALLOWED_HOSTS = [".localhost", "localhost", "127.0.0.1", "testserver"]
FEDERATION_HOSTS = ["localhost", "testserver"]
WAGTAILADMIN_BASE_URL = "http://localhost"
