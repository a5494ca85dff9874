"""``migrate`` is ``migrate_schemas`` here, as with django-tenants, template included."""

from .migrate_schemas import Command  # noqa: F401
