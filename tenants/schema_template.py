"""Creating a CPTS schema in a fraction of a second.

Running every migration for a new schema, or django-tenants' plpgsql clone,
takes seconds. Instead, ``migrate_schemas`` keeps one schema,
``cpts_template``, migrated like any CPTS and holding only what migrations
put there (content types, permissions, Wagtail's root page). Its ``pg_dump``
is stored once in :class:`~tenants.models.SchemaTemplate`; a new CPTS replays
that SQL under its own schema name, in the caller's transaction, so a failure
anywhere rolls the whole schema back.
"""

from __future__ import annotations

import hashlib
import re

from django.core.management import call_command
from django.db import connection
from django_tenants.management.commands.migrate_schemas import (
    Command as DjangoTenantsMigrateSchemas,
)
from django_tenants.utils import schema_context, schema_exists

from .models import SchemaTemplate
from .postgres import pg_dump_schema
from .validators import TEMPLATE_SCHEMA_NAME

PLACEHOLDER = "__cpts_schema__"
_TEMPLATE_TOKEN = re.compile(rf"(?<![\w\"]){TEMPLATE_SCHEMA_NAME}(?![\w\"])")
# Session settings pg_dump emits at the top; replayed inside our connection
# they would change its search_path behind django-tenants' back.
_SESSION_LINES = re.compile(r"^(SET |SELECT pg_catalog\.set_config).*$", re.MULTILINE)


class TemplateMissingError(RuntimeError):
    pass


def migration_fingerprint(schema_name: str = TEMPLATE_SCHEMA_NAME) -> str:
    """A digest of the migrations applied to a schema: changes when a migration lands."""
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT app, name FROM {schema_name}.django_migrations ORDER BY app, name"  # noqa: S608
        )
        rows = cursor.fetchall()
    return hashlib.sha256(repr(rows).encode()).hexdigest()


def replayable_sql(dump: str) -> str:
    """A pg_dump without its session settings and comments, safe to run in our connection."""
    body = _SESSION_LINES.sub("", dump)
    return "\n".join(line for line in body.splitlines() if line and not line.startswith("--"))


def template_sql_from_dump(dump: str) -> str:
    return _TEMPLATE_TOKEN.sub(PLACEHOLDER, replayable_sql(dump))


def refresh_template(
    *, verbosity: int = 1, app_label: str | None = None, migration_name: str | None = None
) -> SchemaTemplate:
    """Create or migrate ``cpts_template`` (to every app's latest, or to one target) and store its SQL
    if it changed.

    Called by ``migrate_schemas`` after the CPTS schemas, and by ``migrate_network``
    before them; safe to call again.
    """
    with schema_context("public"):
        if not schema_exists(TEMPLATE_SCHEMA_NAME):
            with connection.cursor() as cursor:
                cursor.execute(f"CREATE SCHEMA {TEMPLATE_SCHEMA_NAME}")
        target = [name for name in (app_label, migration_name) if name]
        call_command(
            DjangoTenantsMigrateSchemas(),
            *target,
            schema_name=TEMPLATE_SCHEMA_NAME,
            tenant=True,
            interactive=False,
            verbosity=max(verbosity - 1, 0),
        )
        fingerprint = migration_fingerprint()
        existing = SchemaTemplate.objects.filter(fingerprint=fingerprint).first()
        if existing is not None:
            return existing
        sql = template_sql_from_dump(pg_dump_schema(TEMPLATE_SCHEMA_NAME))
        SchemaTemplate.objects.exclude(fingerprint=fingerprint).delete()
        return SchemaTemplate.objects.create(fingerprint=fingerprint, sql=sql)


def current_template() -> SchemaTemplate:
    template = SchemaTemplate.objects.order_by("-created_at").first()
    if template is None:
        raise TemplateMissingError(
            "Le modèle de schéma CPTS n'existe pas encore : lancez `manage.py migrate_schemas`."
        )
    return template


def create_schema_from_template(schema_name: str) -> None:
    """Create ``schema_name`` as a copy of the migrated template, in the current transaction."""
    sql = current_template().sql.replace(PLACEHOLDER, schema_name)
    with connection.cursor() as cursor:
        cursor.execute(sql)
