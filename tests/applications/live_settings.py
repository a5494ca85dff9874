"""Settings of the server the browser tests of « Candidater » start (``manage.py runserver``).

The test settings, with Django's SMTP backend pointed at the test's real SMTP server
(tests/smtp.py) and CVs kept in the test's temporary folder: the server is another
process, so the ``settings`` fixture cannot reach it.
"""

import os

from config.settings.test import *  # noqa: F403

EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = os.environ["TEST_SMTP_HOST"]
EMAIL_PORT = int(os.environ["TEST_SMTP_PORT"])
EMAIL_USE_TLS = EMAIL_USE_SSL = False
EMAIL_HOST_USER = EMAIL_HOST_PASSWORD = ""
APPLICATIONS_PRIVATE_ROOT = os.environ["APPLICATIONS_PRIVATE_ROOT"]
