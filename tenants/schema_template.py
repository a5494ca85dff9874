"""Creating a CPTS schema in a fraction of a second.

Running every migration for a new schema, or django-tenants' plpgsql clone,
takes seconds. Instead, ``migrate_schemas`` keeps one schema,
``cpts_template``, migrated like any CPTS and holding only what migrations
put there (content types, permissions, Wagtail's root page). Its SQL is stored
once in :class:`~tenants.models.SchemaTemplate`; a new CPTS replays that SQL
under its own schema name, in the caller's transaction, so a failure anywhere
rolls the whole schema back.

The SQL is read from PostgreSQL's catalog (:mod:`tenants.schema_sql`), not
from pg_dump, so creating a CPTS needs no client tools at all, whichever
version the machine has. Two other ways were weighed:

* Keep pg_dump and clean its output. pg_dump refuses a server of a newer major
  version than its own, and since 15.14, 16.10 and 17.6 it frames each dump
  with psql's ``\\restrict``/``\\unrestrict``, which a database connection
  rejects. Working around both still leaves creation depending on the tools
  of whichever machine last ran ``migrate_schemas``.
* Clone the live template inside PostgreSQL at each creation (``CREATE TABLE
  … (LIKE … INCLUDING ALL)``, django-tenants' ``clone_schema``). ``LIKE``
  copies neither foreign keys nor identity sequences' names and values, and
  ``clone_schema`` measured 0.9 s against 0.14 s for replaying SQL; a clone
  would also read a schema that ``migrate_schemas`` may be migrating.

Reading the catalog keeps the stored SQL (one text, the same for every app
server, replayed as fast as before) and proves itself: a schema created from
it has the catalog of the template (``tests/tenants/test_schema_template.py``).

Dumps made by pg_dump (archives and exports) still pass through
:func:`replayable_sql`, which removes pg_dump's session settings and its
``\\restrict`` pair.
"""

from __future__ import annotations

import hashlib
import re

from django.core.management import call_command
from django.db import connection, transaction
from django_tenants.management.commands.migrate_schemas import (
    Command as DjangoTenantsMigrateSchemas,
)
from django_tenants.utils import schema_context, schema_exists

from .models import SchemaTemplate
from .schema_sql import HEADER, PLACEHOLDER, schema_sql
from .validators import TEMPLATE_SCHEMA_NAME

_TEMPLATE_TOKEN = re.compile(rf"(?<![\w\"]){TEMPLATE_SCHEMA_NAME}(?![\w\"])")
# Session settings pg_dump emits at the top; replayed inside our connection
# they would change its search_path behind django-tenants' back.
_SESSION_LINES = re.compile(r"^(SET |SELECT pg_catalog\.set_config).*$", re.MULTILINE)
# pg_dump 15.14+, 16.10+ and 17.6+ open a dump with "\restrict <key>" and close it with
# "\unrestrict <key>": psql meta-commands that a database connection rejects.
_RESTRICT = re.compile(r"\A(?:(?:--[^\n]*)?\n)*\\restrict (\S+)\n")


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


def without_restrict(dump: str) -> str:
    """A pg_dump without its ``\\restrict``/``\\unrestrict`` pair, if it has one.

    Only the opening line before any SQL and the closing line with the same
    random key are removed: a line of data that starts with a backslash, inside
    a multi-line string, is left alone.
    """
    opening = _RESTRICT.match(dump)
    if opening is None:
        return dump
    key = opening.group(1)
    body, closing, tail = dump[opening.end() :].rpartition(f"\\unrestrict {key}")
    if not closing or tail.strip() or not body.endswith("\n"):
        return dump  # not pg_dump's frame: replaying it will say where it fails
    return dump[: opening.start(1) - len("\\restrict ")] + body + tail


def replayable_sql(dump: str) -> str:
    """A pg_dump without its session settings, comments and ``\\restrict`` pair: runs in our connection."""
    body = _SESSION_LINES.sub("", without_restrict(dump))
    return "\n".join(line for line in body.splitlines() if line and not line.startswith("--"))


def template_sql_from_dump(dump: str) -> str:
    """A template made from a pg_dump of ``cpts_template`` (the way before :mod:`tenants.schema_sql`)."""
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
        # A template stored by pg_dump (before the catalog was read) is rebuilt once.
        if existing is not None and existing.sql.startswith(HEADER):
            return existing
        sql = schema_sql(TEMPLATE_SCHEMA_NAME)
        with transaction.atomic():
            SchemaTemplate.objects.exclude(fingerprint=fingerprint).delete()
            template, _created = SchemaTemplate.objects.update_or_create(
                fingerprint=fingerprint, defaults={"sql": sql}
            )
        return template


def current_template() -> SchemaTemplate:
    template = SchemaTemplate.objects.order_by("-created_at").first()
    if template is None:
        raise TemplateMissingError(
            "Le modèle de schéma CPTS n'existe pas encore : lancez `manage.py migrate_schemas`."
        )
    return template


def create_schema_from_template(schema_name: str) -> None:
    """Create ``schema_name`` as a copy of the migrated template, in the current transaction."""
    sql = current_template().sql
    if not sql.startswith(HEADER):
        # Stored by pg_dump before an upgrade, until the next migrate_schemas rebuilds it.
        sql = without_restrict(sql)
    sql = sql.replace(PLACEHOLDER, schema_name)
    with connection.cursor() as cursor:
        cursor.execute(sql)
