"""The CPTS template: built and replayed whatever PostgreSQL client tools the machine has."""

import re
import subprocess
from pathlib import Path

import pytest
from django.db import connection

from tenants.catalog import schema_catalog
from tenants.models import SchemaTemplate
from tenants.postgres import client_candidates, connection_args
from tenants.schema_sql import HEADER, PLACEHOLDER, SchemaSQLError, schema_sql
from tenants.schema_template import (
    create_schema_from_template,
    refresh_template,
    template_sql_from_dump,
    without_restrict,
)
from tenants.services import cpts_create
from tenants.validators import TEMPLATE_SCHEMA_NAME

# Schema names here are the tests' own constants, never input.
# ruff: noqa: S608

SYSTEM_BIN_DIR = Path("/usr/lib/postgresql/15/bin")
SYSTEM_PG_DUMP = Path("/usr/bin/pg_dump")
META_COMMAND = re.compile(r"^\\", re.MULTILINE)


def rows(sql: str, params=()) -> list:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def create(short_name: str):
    return cpts_create(
        name=f"CPTS {short_name.title()}",
        short_name=short_name,
        region_code="44",
        department_code="57",
        coordinator_email=f"coord@{short_name}.test",
    ).cpts


def full_catalog(schema: str) -> dict:
    """``schema_catalog`` plus what it leaves out: collations, identities, sequences' state, views.

    Columns of tables and views only: an index keeps the name a column had when the index was
    made (a migration renamed ``page_revision_id``), which no query or plan ever shows.
    """
    catalog = schema_catalog(schema)
    catalog["attributes"] = rows(
        """SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull,
                  a.attidentity, a.attgenerated, a.attcollation
           FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
           JOIN pg_namespace n ON n.oid = c.relnamespace
           WHERE n.nspname = %s AND c.relkind IN ('r', 'v') AND a.attnum > 0 AND NOT a.attisdropped
           ORDER BY 1, 2""",
        [schema],
    )
    catalog["sequence_state"] = rows(
        """SELECT sequencename, start_value, min_value, max_value, cache_size, cycle, last_value
           FROM pg_sequences WHERE schemaname = %s ORDER BY 1""",
        [schema],
    )
    catalog["owned_sequences"] = rows(
        """SELECT s.relname, t.relname, a.attname, d.deptype FROM pg_depend d
           JOIN pg_class s ON s.oid = d.objid JOIN pg_class t ON t.oid = d.refobjid
           JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = d.refobjsubid
           JOIN pg_namespace n ON n.oid = s.relnamespace
           WHERE n.nspname = %s AND s.relkind = 'S' AND d.deptype IN ('a', 'i') ORDER BY 1""",
        [schema],
    )
    catalog["views"] = rows(
        "SELECT table_name, replace(view_definition, %s, '<schema>.') FROM information_schema.views "
        "WHERE table_schema = %s ORDER BY 1",
        [f"{schema}.", schema],
    )
    return catalog


def table_contents(schema: str) -> dict[str, tuple[int, str]]:
    """Every table's row count and a digest of its rows."""
    tables = rows("SELECT tablename FROM pg_tables WHERE schemaname = %s ORDER BY 1", [schema])
    digest = "md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), ''))"
    return {table: rows(f'SELECT count(*), {digest} FROM "{schema}"."{table}" t')[0] for (table,) in tables}


def test_a_schema_made_from_the_template_is_the_template(db, network):
    """Structure, sequences and every row (content types, permissions, root page, locale…)."""
    create_schema_from_template("copie")
    assert full_catalog("copie") == full_catalog(TEMPLATE_SCHEMA_NAME)
    copied = table_contents("copie")
    assert copied == table_contents(TEMPLATE_SCHEMA_NAME)
    for table in ("django_content_type", "auth_permission", "wagtailcore_page", "wagtailcore_locale"):
        assert copied[table][0] > 0, table


@pytest.mark.parametrize(
    "bin_dir",
    [SYSTEM_BIN_DIR, None],
    ids=["only the system's PostgreSQL 15 tools", "no client tool at all"],
)
def test_the_template_is_built_and_a_cpts_created_without_the_embedded_tools(
    db, network, settings, tmp_path, bin_dir
):
    """CPTS_POSTGRES_BIN_DIR makes the tools come from that folder alone: pgserver's are skipped."""
    if bin_dir is not None and not (bin_dir / "pg_dump").exists():
        pytest.skip(f"no {bin_dir}/pg_dump on this machine")
    settings.CPTS_POSTGRES_BIN_DIR = str(bin_dir or tmp_path)
    assert client_candidates("pg_dump") == ([bin_dir / "pg_dump"] if bin_dir else [])
    SchemaTemplate.objects.all().delete()

    template = refresh_template(verbosity=0)

    assert template.sql.startswith(HEADER)
    assert not META_COMMAND.search(template.sql)
    cpts = create("sanspgdump")
    assert schema_catalog(cpts.schema_name) == schema_catalog(TEMPLATE_SCHEMA_NAME)


def test_a_template_stored_from_a_pg_dump_is_rebuilt_from_the_catalog(db, network):
    SchemaTemplate.objects.update(sql="CREATE SCHEMA __cpts_schema__;")
    template = refresh_template(verbosity=0)
    assert template.sql.startswith(HEADER)
    assert SchemaTemplate.objects.get().sql == template.sql


def test_a_template_stored_by_a_pg_dump_with_restrict_still_creates_until_it_is_rebuilt(db, network):
    """An install upgraded without running migrate_schemas yet keeps its old template a while."""
    body = SchemaTemplate.objects.get().sql.removeprefix(HEADER + "\n")
    SchemaTemplate.objects.update(sql=f"\\restrict k3Y\n{body}\\unrestrict k3Y")
    cpts = create("ancienne")
    assert schema_catalog(cpts.schema_name) == schema_catalog(TEMPLATE_SCHEMA_NAME)


def system_dump_of_the_template() -> str:
    """What the machine's own pg_dump writes for the template (its own connection: committed rows)."""
    if not SYSTEM_PG_DUMP.exists():
        pytest.skip("no system pg_dump on this machine")
    args, env = connection_args()
    command = [str(SYSTEM_PG_DUMP), *args, "--schema", TEMPLATE_SCHEMA_NAME, "--no-owner", "--no-privileges"]
    command += ["--no-comments", "--encoding", "UTF8", "--inserts", "--rows-per-insert", "500"]
    result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)  # noqa: S603
    if "server version mismatch" in result.stderr:
        pytest.skip(f"the system pg_dump is older than the server: {result.stderr.strip()}")
    assert result.returncode == 0, result.stderr
    if not META_COMMAND.search(result.stdout):
        pytest.skip("this pg_dump predates \\restrict (15.14, 16.10, 17.6)")
    return result.stdout


def test_a_template_from_a_pg_dump_that_writes_restrict_creates_a_cpts(db, network):
    """pg_dump 15.14+, 16.10+ and 17.6+ frame the dump with psql's \\restrict and \\unrestrict.

    Before, replaying it failed: syntax error at or near "\\" LINE 1: \\restrict …
    """
    sql = template_sql_from_dump(system_dump_of_the_template())
    assert not META_COMMAND.search(sql)
    SchemaTemplate.objects.update(sql=sql)

    cpts = create("restreinte")

    assert schema_catalog(cpts.schema_name) == schema_catalog(TEMPLATE_SCHEMA_NAME)
    assert rows(f"SELECT count(*) FROM {cpts.schema_name}.django_content_type")[0][0] > 0


def test_only_pg_dump_s_own_restrict_pair_is_taken_off():
    key = "aB3"
    dump = (
        f"--\n-- PostgreSQL database dump\n--\n\n\\restrict {key}\n\nSET client_encoding = 'UTF8';\n"
        "INSERT INTO t VALUES ('a line of data\n\\restrict x\nthat starts with a backslash');\n"
        f"\n\\unrestrict {key}\n\n"
    )
    cleaned = without_restrict(dump)
    assert f"\\restrict {key}" not in cleaned
    assert f"\\unrestrict {key}" not in cleaned
    assert "\n\\restrict x\n" in cleaned
    # Without the opening line, nothing is touched: the server will say what it refuses.
    assert without_restrict("SELECT 1;\n\\unrestrict aB3\n") == "SELECT 1;\n\\unrestrict aB3\n"


EXOTIC = """
    CREATE SCHEMA exotique;
    CREATE SEQUENCE exotique.compteur START 7 INCREMENT 3;
    CREATE TABLE exotique."Parent" (
        id serial PRIMARY KEY,
        code text COLLATE "C" NOT NULL UNIQUE,
        "select" integer DEFAULT nextval('exotique.compteur'),
        tags text[] DEFAULT '{}',
        payload jsonb,
        blob bytea,
        ratio double precision,
        at timestamptz DEFAULT now(),
        doubled integer GENERATED ALWAYS AS ("select" * 2) STORED,
        CHECK (ratio IS NULL OR ratio > 0)
    );
    CREATE TABLE exotique.child (
        id bigint GENERATED ALWAYS AS IDENTITY (START WITH 100) PRIMARY KEY,
        parent_code text NOT NULL REFERENCES exotique."Parent"(code) DEFERRABLE INITIALLY DEFERRED
    );
    CREATE UNIQUE INDEX child_lower ON exotique.child (lower(parent_code)) WHERE id > 0;
    CREATE VIEW exotique.parents AS SELECT code, doubled FROM exotique."Parent";
    INSERT INTO exotique."Parent" (code, tags, payload, blob, ratio) VALUES
        ('a''b\\c', '{"x,y",NULL}', '{"k": "l''m", "n": [1, null]}', '\\x00ff', 0.1),
        (E'ligne\\n\\\\restrict', '{}', NULL, NULL, 1e-300);
    INSERT INTO exotique.child (parent_code) VALUES ('a''b\\c');
"""


def test_what_django_does_not_make_is_copied_too(db):
    """Serial and identity sequences, a view, quoted names, collations, generated columns, odd values."""
    with connection.cursor() as cursor:
        cursor.execute(EXOTIC)
    sql = schema_sql("exotique")
    with connection.cursor() as cursor:
        cursor.execute(sql.replace(PLACEHOLDER, "exotique_copie"))
    assert full_catalog("exotique_copie") == full_catalog("exotique")
    assert table_contents("exotique_copie") == table_contents("exotique")
    # The sequences go on where the original's stand.
    with connection.cursor() as cursor:
        cursor.execute('INSERT INTO exotique_copie."Parent" (code) VALUES (%s)', ["suite"])
    assert rows('SELECT id, "select" FROM exotique_copie."Parent" WHERE code = %s', ["suite"]) == [(3, 13)]


def test_a_schema_holding_what_the_copy_cannot_make_is_refused_by_name(db):
    with connection.cursor() as cursor:
        cursor.execute("CREATE SCHEMA avec_fonction; CREATE TABLE avec_fonction.t (id int)")
        cursor.execute("CREATE FUNCTION avec_fonction.f() RETURNS int LANGUAGE sql AS 'SELECT 1'")
        cursor.execute("CREATE TYPE avec_fonction.humeur AS ENUM ('oui', 'non')")
    with pytest.raises(SchemaSQLError, match=r"fonction f, .*type humeur"):
        schema_sql("avec_fonction")


def test_reading_the_catalog_leaves_the_connection_s_settings_as_they_were(db):
    before = rows("SELECT current_setting('search_path'), current_setting('DateStyle')")
    schema_sql(TEMPLATE_SCHEMA_NAME)
    assert rows("SELECT current_setting('search_path'), current_setting('DateStyle')") == before
