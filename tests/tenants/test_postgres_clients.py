"""Archives and exports pick a pg_dump that can dump the server, and a psql that can read the dump.

The round trip at the end commits (pg_dump reads through its own connection),
like ``test_cpts_archive.py``, and removes its CPTS afterwards.
"""

from pathlib import Path

import pytest
from django.db import connection
from django_tenants.utils import schema_context, schema_exists

from content.models import HomePage
from content.services import standard_page_publish
from tenants.models import CPTS, CPTSArchive
from tenants.postgres import (
    PostgresToolError,
    client_candidates,
    client_version,
    dump_client,
    knows_restrict,
    psql_file,
    restore_client,
    server_version,
)
from tenants.services import cpts_archive, cpts_create, cpts_restore

SYSTEM_BIN_DIR = Path("/usr/lib/postgresql/15/bin")


def embedded_bin_dir() -> Path:
    pgserver = pytest.importorskip("pgserver._commands")
    return Path(pgserver.POSTGRES_BIN_PATH)


def system_tools() -> Path:
    if not (SYSTEM_BIN_DIR / "pg_dump").exists():
        pytest.skip(f"no {SYSTEM_BIN_DIR} on this machine")
    return SYSTEM_BIN_DIR


def test_the_setting_names_the_only_folder_searched(settings, tmp_path):
    settings.CPTS_POSTGRES_BIN_DIR = str(tmp_path)
    assert client_candidates("pg_dump") == []
    settings.CPTS_POSTGRES_BIN_DIR = str(system_tools())
    assert client_candidates("pg_dump") == [SYSTEM_BIN_DIR / "pg_dump"]


def test_without_the_setting_the_embedded_tools_come_first(settings):
    settings.CPTS_POSTGRES_BIN_DIR = None
    assert client_candidates("pg_dump")[0] == embedded_bin_dir() / "pg_dump"


def test_versions_are_read_from_the_tools_and_the_server(db):
    assert client_version(str(system_tools() / "pg_dump"))[0] == 15
    major, _minor = server_version()
    assert major * 10000 <= connection.pg_version < (major + 1) * 10000


@pytest.mark.parametrize(
    ("version", "knows"),
    [
        ((12, 22), False),
        ((15, 13), False),
        ((15, 14), True),
        ((16, 2), False),
        ((16, 10), True),
        ((17, 6), True),
        ((18, 0), True),
    ],
)
def test_psql_knows_restrict_from_the_august_2025_releases(version, knows):
    assert knows_restrict(version) is knows


def test_a_pg_dump_of_the_server_s_major_version_or_newer_is_chosen(db, settings):
    settings.CPTS_POSTGRES_BIN_DIR = str(system_tools())
    if server_version()[0] > 15:
        pytest.skip("this server is newer than the system's pg_dump")
    assert dump_client() == str(SYSTEM_BIN_DIR / "pg_dump")


def test_a_pg_dump_older_than_the_server_is_refused_in_french_naming_both_versions(db, settings, monkeypatch):
    settings.CPTS_POSTGRES_BIN_DIR = str(system_tools())
    monkeypatch.setattr("tenants.postgres.server_version", lambda: (99, 1))
    with pytest.raises(PostgresToolError) as raised:
        dump_client()
    message = str(raised.value)
    assert "PostgreSQL 99.1" in message
    assert f"{SYSTEM_BIN_DIR / 'pg_dump'} (15." in message
    assert "CPTS_POSTGRES_BIN_DIR" in message


def test_no_pg_dump_at_all_is_said_plainly(db, settings, tmp_path):
    settings.CPTS_POSTGRES_BIN_DIR = str(tmp_path)
    with pytest.raises(PostgresToolError, match="pg_dump est introuvable"):
        dump_client()


def restricted_file(tmp_path: Path) -> Path:
    path = tmp_path / "restreint.sql"
    path.write_text(
        "--\n-- PostgreSQL database dump\n--\n\n\\restrict k3Y\n\nSELECT 1;\n\\unrestrict k3Y\n\n"
    )
    return path


def test_a_dump_with_restrict_goes_to_a_psql_that_knows_it(db, settings, tmp_path):
    settings.CPTS_POSTGRES_BIN_DIR = str(system_tools())
    if not knows_restrict(client_version(str(SYSTEM_BIN_DIR / "psql"))):
        pytest.skip("the system psql predates \\restrict")
    psql_file(restricted_file(tmp_path))  # raises if psql stopped on the meta-command


def test_a_psql_that_predates_restrict_is_refused_before_it_runs(db, settings, tmp_path):
    """The embedded psql 16.2 stops on "invalid command \\restrict"."""
    settings.CPTS_POSTGRES_BIN_DIR = str(embedded_bin_dir())
    if knows_restrict(client_version(str(embedded_bin_dir() / "psql"))):
        pytest.skip("the embedded psql knows \\restrict")
    with pytest.raises(PostgresToolError, match="commence par \\\\restrict"):
        psql_file(restricted_file(tmp_path))
    assert restore_client(restrict=False) == str(embedded_bin_dir() / "psql")


def _remove_leftovers() -> None:
    CPTS.objects.filter(short_name="archivee").delete()
    CPTSArchive.objects.filter(short_name="archivee").delete()
    with connection.cursor() as cursor:
        cursor.execute("DROP SCHEMA IF EXISTS archivee CASCADE")


@pytest.fixture
def committed_cpts(network, django_db_blocker, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.CPTS_ARCHIVE_DIR = tmp_path / "archives"
    with django_db_blocker.unblock():
        cpts = cpts_create(
            name="CPTS Archivée",
            short_name="archivee",
            region_code="44",
            department_code="57",
            coordinator_email="coord@archivee.test",
        ).cpts
        with schema_context(cpts.schema_name):
            body = "<p>Une ligne\n\\restrict qui commence par une barre oblique</p>"
            standard_page_publish(parent=HomePage.objects.get(), title="Statuts", body=body)
        try:
            yield cpts
        finally:
            connection.set_schema_to_public()
            _remove_leftovers()


def test_an_archive_made_by_the_system_pg_dump_restores(committed_cpts, settings):
    """pg_dump 15.20 writes \\restrict; the restore replays the dump through the server connection."""
    settings.CPTS_POSTGRES_BIN_DIR = str(system_tools())
    if server_version()[0] > 15:
        pytest.skip("this server is newer than the system's pg_dump")

    archive = cpts_archive(cpts=committed_cpts)
    assert "\n\\restrict " in Path(archive.dump_path).read_text(encoding="utf-8")
    assert not schema_exists("archivee")

    restored = cpts_restore(archive=archive)

    with schema_context(restored.schema_name):
        page = HomePage.objects.get().get_children().get(title="Statuts").specific
        assert "\\restrict qui commence" in str(page.body)
