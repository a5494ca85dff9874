"""Local development and the demo (`make demo`)."""

from .base import *  # noqa: F403
from .base import SECRET_KEY

DEBUG = True
# A development key only; production.py refuses to start without SECRET_KEY.
SECRET_KEY = SECRET_KEY or "dev-only-not-secret"  # noqa: S105
PUBLIC_PORT = "8000"
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
