"""migrate_network: one rendering of a migration, replayed per schema, identical to Django's own path.

These tests commit (the template's SQL is read by pg_dump through its own
connection, which cannot see a test's transaction); the fixture puts every
schema back as the other tests expect it: ``replay_app`` fully migrated.
"""

import io

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from tenants.catalog import schema_catalog
from tenants.schema_template import refresh_template
from tenants.validators import TEMPLATE_SCHEMA_NAME

SCHEMAS = ["alpha", "beta", TEMPLATE_SCHEMA_NAME]


# Schema names here are the tests' own constants, never input.
# ruff: noqa: S608


def rows(sql: str, params=()) -> list:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def applied(schema: str) -> list[str]:
    return [
        r[0]
        for r in rows(
            f'SELECT name FROM "{schema}".django_migrations WHERE app = %s ORDER BY 1', ["replay_app"]
        )
    ]


def types_and_permissions(schema: str) -> tuple[list, list]:
    types = rows(f'SELECT app_label, model FROM "{schema}".django_content_type ORDER BY 1, 2')
    permissions = rows(
        f'SELECT t.app_label, p.codename FROM "{schema}".auth_permission p '
        f'JOIN "{schema}".django_content_type t ON t.id = p.content_type_id ORDER BY 1, 2'
    )
    return types, permissions


def django_path(*target: str, schemas=SCHEMAS) -> None:
    for schema in schemas:
        call_command(
            "migrate_schemas",
            "replay_app",
            *target,
            schema_name=schema,
            tenant=True,
            interactive=False,
            verbosity=0,
        )


def migrate_network(*args: str) -> str:
    out = io.StringIO()
    call_command("migrate_network", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def committed(network, django_db_blocker):
    with django_db_blocker.unblock():
        try:
            django_path("zero")
            refresh_template(verbosity=0, app_label="replay_app", migration_name="zero")
            yield network
        finally:
            connection.set_schema_to_public()
            with connection.cursor() as cursor:
                cursor.execute("DROP TABLE IF EXISTS beta.replay_app_replaynote_conflict")
            django_path()
            refresh_template(verbosity=0)


def test_a_replayed_migration_gives_the_catalog_and_rows_of_djangos_path(committed):
    out = migrate_network("replay_app", "0001")
    assert "Voie rejouée" in out and "2 schéma(s) migré(s) par la voie rejouée" in out
    # The template went through Django's own path; alpha and beta through the replay.
    reference = schema_catalog(TEMPLATE_SCHEMA_NAME)
    assert any(table == "replay_app_replaynote" for table, *_ in reference["columns"])
    assert schema_catalog("alpha") == reference and schema_catalog("beta") == reference
    assert applied("alpha") == applied("beta") == applied(TEMPLATE_SCHEMA_NAME) == ["0001_initial"]
    assert types_and_permissions("alpha") == types_and_permissions(TEMPLATE_SCHEMA_NAME)
    assert ("replay_app", "add_replaynote") in types_and_permissions("alpha")[1]

    # Python in a migration: Django's own path, said before it runs.
    out = migrate_network("replay_app")
    assert "Voie de Django" in out and "replay_app.0002_first_note : RunPython" in out
    assert rows("SELECT text FROM alpha.replay_app_replaynote") == [("Première note",)]

    # Back: the Python step through Django, then the table's removal replayed.
    migrate_network("replay_app", "0001")
    out = migrate_network("replay_app", "zero")
    assert "Voie rejouée" in out
    assert applied("alpha") == applied("beta") == applied(TEMPLATE_SCHEMA_NAME) == []
    assert schema_catalog("alpha") == schema_catalog(TEMPLATE_SCHEMA_NAME)
    assert not any(table == "replay_app_replaynote" for table, *_ in schema_catalog("alpha")["columns"])


def test_a_failure_in_one_schema_leaves_it_as_it_was_names_it_and_a_rerun_catches_up(committed):
    # Only beta holds a table in the way, as a schema edited by hand would.
    with connection.cursor() as cursor:
        cursor.execute("CREATE TABLE beta.replay_app_replaynote (id integer)")
    with pytest.raises(CommandError, match=r"beta : .*replay_app_replaynote"):
        migrate_network("replay_app", "0001")
    assert applied("alpha") == ["0001_initial"] and applied("beta") == []
    columns = rows(
        "SELECT column_name FROM information_schema.columns WHERE table_schema = 'beta' "
        "AND table_name = 'replay_app_replaynote'"
    )
    assert columns == [("id",)]  # beta as it was: nothing half-done
    with connection.cursor() as cursor:
        cursor.execute("ALTER TABLE beta.replay_app_replaynote RENAME TO replay_app_replaynote_conflict")
    out = migrate_network("replay_app", "0001")
    assert "1 schéma(s) migré(s) par la voie rejouée" in out and "1 déjà à jour" in out
    assert applied("beta") == ["0001_initial"]

    def note_table(schema: str) -> list:
        return [row for row in schema_catalog(schema)["columns"] if row[0] == "replay_app_replaynote"]

    assert note_table("beta") == note_table(TEMPLATE_SCHEMA_NAME) != []


def test_the_plan_is_shown_without_migrating(committed):
    out = migrate_network("replay_app", "--plan")
    assert "appliquer replay_app.0001_initial" in out and "appliquer replay_app.0002_first_note" in out
    assert "Voie de Django" in out
    assert applied("alpha") == []


def test_an_unknown_target_is_refused_in_one_line(network, db):
    with pytest.raises(CommandError, match="Migration introuvable : replay_app 0099"):
        call_command("migrate_network", "replay_app", "0099", stdout=io.StringIO())
    with pytest.raises(CommandError, match="Application sans migrations : inconnue"):
        call_command("migrate_network", "inconnue", stdout=io.StringIO())
