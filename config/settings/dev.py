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
# The demo federation's legal pages, visibly fictitious (an operator sets its own in production).
CPTS_FEDERATION_PUBLISHER = {
    "name": "Fédération de démonstration des CPTS (fictive)",
    "legal_form": "association loi 1901 (exemple fictif)",
    "address": "1 rue de l'Exemple, 57000 Metz (adresse fictive)",
    "phone": "03 00 00 00 00 (numéro fictif)",
    "email": "contact@federation.demo.cpts.test",
    "director": "la présidence de la fédération (rôle, exemple fictif)",
    "host_name": "Hébergeur de démonstration (fictif)",
    "host_address": "2 rue de l'Exemple, 57000 Metz (adresse fictive)",
    "host_phone": "03 00 00 00 01 (numéro fictif)",
}
