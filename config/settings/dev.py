"""Local development and the demo (`make demo`)."""

import os

from config.secret_key import data_dir, install_secret_key

from .base import *  # noqa: F403
from .base import BASE_DIR

DEBUG = True
# The environment's SECRET_KEY, or a random key made once for this install in
# .data/secret_key: a key readable in the repository would let anyone forge
# sessions, reset links and preview tokens on the demo.
SECRET_KEY = install_secret_key(data_dir(BASE_DIR))
# The port of DEMO_ADDRESS (the Makefile passes it): the links between the demo's hosts.
PUBLIC_PORT = os.environ.get("PUBLIC_PORT", "8000")
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
