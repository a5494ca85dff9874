"""Permissions created in the middle of migrations, for the data migrations that grant them.

Django creates permissions after every migration has run (``post_migrate``); a
data migration that gives roles their permissions (``team``'s roles in each
CPTS schema, ``network``'s federation roles) needs them before. This does what
Django will, in the schema the migration runs in; Django then finds them made.

Needs: Django's auth. Offers: ``permissions_create_now``.
"""

from __future__ import annotations

from django.contrib.auth.management import create_permissions


def permissions_create_now(apps) -> None:
    """Every model's permissions, for a migration's app registry ``apps``."""
    for app_config in apps.get_app_configs():
        # A migration's app configs carry no models module, which create_permissions requires.
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
