"""PostgreSQL client tools (pg_dump, psql) pointed at Django's database: archives and exports.

Creating a CPTS needs none of them (``tenants.schema_sql`` reads the catalog);
archiving, exporting and ``psql_file`` do. Where they come from:

* the folder named by the ``CPTS_POSTGRES_BIN_DIR`` setting, alone, when it is
  set (``/usr/lib/postgresql/17/bin``, say): the operator's choice;
* otherwise the binaries of the ``pgserver`` package (the ``[embedded-postgres]``
  extra), then those on ``PATH``.

pg_dump refuses a server of a newer major version than its own, so among them
the first whose major version is at least the server's is used, and none
means a French error naming both versions. psql reads the ``\\restrict`` line
of a dump from pg_dump 15.14, 16.10, 17.6 or later only from those releases on
(older ones stop on "invalid command"), so a file that carries one goes to a
psql that knows it.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from functools import cache
from pathlib import Path

from django.conf import settings
from django.db import connection


class PostgresToolError(RuntimeError):
    pass


# The first minor release of each major version whose psql knows \restrict (August 2025).
_RESTRICT_SINCE = {13: 22, 14: 19, 15: 14, 16: 10, 17: 6}
_VERSION = re.compile(r"\(PostgreSQL\)\s+(\d+)(?:\.(\d+))?")


def _embedded_bin_dir() -> Path | None:
    try:
        from pgserver._commands import POSTGRES_BIN_PATH
    except ImportError:  # the [embedded-postgres] extra is not installed
        return None
    return Path(POSTGRES_BIN_PATH)


def client_candidates(name: str) -> list[Path]:
    """Where ``name`` may be found, in the order it is tried (only existing files)."""
    configured = getattr(settings, "CPTS_POSTGRES_BIN_DIR", None)
    if configured:
        folders = [Path(configured)]
    else:
        folders = [folder for folder in [_embedded_bin_dir()] if folder is not None]
        if found := shutil.which(name):
            folders.append(Path(found).parent)
    candidates = []
    for folder in folders:
        if (folder / name).is_file() and folder / name not in candidates:
            candidates.append(folder / name)
    return candidates


def client_binary(name: str) -> str:
    """The first ``name`` found, whatever its version."""
    candidates = client_candidates(name)
    if not candidates:
        raise PostgresToolError(_missing(name))
    return str(candidates[0])


@cache
def client_version(path: str) -> tuple[int, int]:
    """(major, minor) of a client tool, from ``--version`` (``pg_dump (PostgreSQL) 15.20 (Debian …)``)."""
    result = subprocess.run([path, "--version"], capture_output=True, text=True, check=False)  # noqa: S603
    match = _VERSION.search(result.stdout)
    if result.returncode != 0 or match is None:
        raise PostgresToolError(f"{path} --version n'a pas donné de version : {result.stdout.strip()}")
    return int(match.group(1)), int(match.group(2) or 0)


def server_version() -> tuple[int, int]:
    """(major, minor) of the server Django is connected to (``server_version_num``)."""
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version_num")
        number = int(cursor.fetchone()[0])
    return number // 10000, number % 10000


def knows_restrict(version: tuple[int, int]) -> bool:
    major, minor = version
    return major > max(_RESTRICT_SINCE) or minor >= _RESTRICT_SINCE.get(major, 10**6)


def _text(version: tuple[int, int]) -> str:
    return f"{version[0]}.{version[1]}"


def _missing(name: str) -> str:
    configured = getattr(settings, "CPTS_POSTGRES_BIN_DIR", None)
    where = f"dans {configured} (CPTS_POSTGRES_BIN_DIR)" if configured else "ni dans pgserver ni dans le PATH"
    return f"{name} est introuvable {where} : installez les outils clients PostgreSQL."


def dump_client() -> str:
    """A pg_dump that can dump this server: its major version at least the server's."""
    server = server_version()
    candidates = client_candidates("pg_dump")
    if not candidates:
        raise PostgresToolError(_missing("pg_dump"))
    for path in candidates:
        if client_version(str(path))[0] >= server[0]:
            return str(path)
    found = ", ".join(f"{path} ({_text(client_version(str(path)))})" for path in candidates)
    raise PostgresToolError(
        f"Aucun pg_dump ne peut sauvegarder ce serveur PostgreSQL {_text(server)} : trouvé {found}. "
        f"Installez les outils clients PostgreSQL {server[0]} ou plus récents, "
        "ou indiquez leur dossier dans le réglage CPTS_POSTGRES_BIN_DIR."
    )


def restore_client(*, restrict: bool) -> str:
    """A psql for a dump: one that knows ``\\restrict`` if the dump carries it."""
    candidates = client_candidates("psql")
    if not candidates:
        raise PostgresToolError(_missing("psql"))
    for path in candidates:
        if not restrict or knows_restrict(client_version(str(path))):
            return str(path)
    found = ", ".join(f"{path} ({_text(client_version(str(path)))})" for path in candidates)
    raise PostgresToolError(
        "Cette sauvegarde commence par \\restrict (pg_dump 15.14, 16.10, 17.6 ou plus récent) "
        f"et aucun psql trouvé ne le connaît : {found}. Installez psql 15.14, 16.10, 17.6 ou plus "
        "récent, ou indiquez son dossier dans le réglage CPTS_POSTGRES_BIN_DIR."
    )


def connection_args() -> tuple[list[str], dict[str, str]]:
    settings_dict = connection.settings_dict
    args = ["--dbname", settings_dict["NAME"]]
    if settings_dict.get("HOST"):
        args += ["--host", settings_dict["HOST"]]
    if settings_dict.get("PORT"):
        args += ["--port", str(settings_dict["PORT"])]
    if settings_dict.get("USER"):
        args += ["--username", settings_dict["USER"]]
    env = {**os.environ, "PGPASSWORD": settings_dict.get("PASSWORD") or "", "PGCONNECT_TIMEOUT": "5"}
    return args, env


def pg_dump_schema(schema_name: str, *, output: Path | None = None, data: bool = True) -> str:
    """Dump one schema as plain SQL with INSERTs, so it replays through any client.

    A pg_dump from 15.14, 16.10, 17.6 on frames it with ``\\restrict``/``\\unrestrict``:
    ``tenants.schema_template.replayable_sql`` takes them off before a replay.
    """
    args, env = connection_args()
    command = [
        dump_client(),
        *args,
        "--schema",
        schema_name,
        "--no-owner",
        "--no-privileges",
        "--no-comments",
        "--encoding",
        "UTF8",
    ]
    command += ["--inserts", "--rows-per-insert", "500"] if data else ["--schema-only"]
    if output is not None:
        command += ["--file", str(output)]
    result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)  # noqa: S603
    if result.returncode != 0:
        raise PostgresToolError(f"pg_dump a échoué : {result.stderr.strip()}")
    return result.stdout


def _starts_with_restrict(path: Path) -> bool:
    with path.open(encoding="utf-8", errors="replace") as handle:
        for line in handle:
            if line.strip() and not line.startswith("--"):
                return line.startswith("\\restrict ")
    return False


def psql_file(path: Path) -> None:
    args, env = connection_args()
    command = [
        restore_client(restrict=_starts_with_restrict(Path(path))),
        *args,
        "--quiet",
        "--no-psqlrc",
        "--single-transaction",
        "--set",
        "ON_ERROR_STOP=1",
        "--file",
        str(path),
    ]
    result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)  # noqa: S603
    if result.returncode != 0:
        raise PostgresToolError(f"psql a échoué : {result.stderr.strip()}")
