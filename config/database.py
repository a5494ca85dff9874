"""Where the PostgreSQL database comes from.

With ``DATABASE_URL`` set, that server is used as it is. Without it, an embedded
PostgreSQL (the ``pgserver`` package, which ships its own binaries) is started
in ``.data/postgres`` so that a fresh machine needs nothing installed. The data
folder is kept between runs; the server stops when the last process using it
exits.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlparse

# django-tenants' backend with a per-schema content-type cache (tenants.postgresql_backend).
ENGINE = "tenants.postgresql_backend"


def database_from_url(url: str) -> dict:
    """Turn ``postgresql://user:password@host:port/name?host=/socket/dir`` into Django's form."""
    parsed = urlparse(url)
    if parsed.scheme not in {"postgres", "postgresql"}:
        raise ValueError(f"DATABASE_URL doit commencer par postgresql:// (reçu {parsed.scheme!r})")
    query = parse_qs(parsed.query)
    host = query.get("host", [parsed.hostname or ""])[0]
    return {
        "ENGINE": ENGINE,
        "NAME": unquote(parsed.path.lstrip("/")) or "postgres",
        "USER": unquote(parsed.username or ""),
        "PASSWORD": unquote(parsed.password or ""),
        "HOST": host,
        "PORT": str(parsed.port or ""),
        # Session pooling (PgBouncer in session mode) keeps search_path per
        # client; transaction pooling would not, so schemas need session mode.
        "CONN_MAX_AGE": int(os.environ.get("CONN_MAX_AGE", "0")),
        "CONN_HEALTH_CHECKS": True,
    }


def handles_list_repair(path: Path) -> None:
    """Empty pgserver's list of processes using the server when a stop cut it mid-write.

    pgserver rewrites that list in place as each process starts and stops; the
    processes of ``runserver`` stopped together (seen after a kill) can leave it
    empty, and pgserver then fails to parse it, so ``make demo`` would not start
    again. The processes it listed were stopped with it; were one still running,
    the worst case is that the server stops when this process ends, and the next
    start starts it again.
    """
    if not path.exists():
        return
    try:
        json.loads(path.read_text())
    except ValueError:
        path.write_text("[]")


def embedded_database_url(data_dir: Path) -> str:
    """Start (or join) the embedded server in ``data_dir`` and return its URL."""
    runtime = data_dir / "run"
    runtime.mkdir(parents=True, exist_ok=True)
    runtime.chmod(0o700)
    os.environ.setdefault("XDG_RUNTIME_DIR", str(runtime))
    import logging

    import pgserver

    # pgserver logs every start and stop at INFO; only its problems matter here.
    logging.getLogger("pgserver").setLevel(logging.WARNING)

    # Under pgserver's own lock, which it holds while it rewrites the list: a
    # read beside a process that is starting finds the list half-written, and
    # a repair written over that process's write interleaved the two (seen with
    # populate_sites.py's workers starting together). The lock is a private
    # attribute of pgserver 0.1 (pyproject.toml caps it below 0.2);
    # test_the_list_is_repaired_only_under_pgserver_s_lock fails if it moves.
    with pgserver.PostgresServer._lock:
        handles_list_repair(data_dir / "postgres" / ".handle_pids.json")
    server = pgserver.get_server(data_dir / "postgres", cleanup_mode="stop")
    return server.get_uri()


def default_database(base_dir: Path) -> dict:
    url = os.environ.get("DATABASE_URL")
    if not url:
        data_dir = Path(os.environ.get("CPTS_DATA_DIR", base_dir / ".data")).resolve()
        url = embedded_database_url(data_dir)
    return database_from_url(url)
