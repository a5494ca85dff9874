"""PostgreSQL client tools (pg_dump, psql) pointed at Django's database.

The binaries come from the ``pgserver`` wheel, a project dependency, so every
machine that runs the app has a pg_dump at least as new as the servers we
support (16 dumps 13 to 16).
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from django.db import connection


class PostgresToolError(RuntimeError):
    pass


def client_binary(name: str) -> str:
    try:
        from pgserver._commands import POSTGRES_BIN_PATH

        candidate = Path(POSTGRES_BIN_PATH) / name
        if candidate.exists():
            return str(candidate)
    except ImportError:  # pragma: no cover - pgserver is a hard dependency
        pass
    found = shutil.which(name)
    if not found:
        raise PostgresToolError(f"{name} est introuvable.")
    return found


def connection_args() -> tuple[list[str], dict[str, str]]:
    settings = connection.settings_dict
    args = ["--dbname", settings["NAME"]]
    if settings.get("HOST"):
        args += ["--host", settings["HOST"]]
    if settings.get("PORT"):
        args += ["--port", str(settings["PORT"])]
    if settings.get("USER"):
        args += ["--username", settings["USER"]]
    env = {**os.environ, "PGPASSWORD": settings.get("PASSWORD") or "", "PGCONNECT_TIMEOUT": "5"}
    return args, env


def pg_dump_schema(schema_name: str, *, output: Path | None = None, data: bool = True) -> str:
    """Dump one schema as plain SQL with INSERTs, so it replays through any client."""
    args, env = connection_args()
    command = [
        client_binary("pg_dump"),
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


def psql_file(path: Path) -> None:
    args, env = connection_args()
    command = [
        client_binary("psql"),
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
