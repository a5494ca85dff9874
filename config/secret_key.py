"""The install's own SECRET_KEY, for settings that run outside production.

A fixed key in the repository signs nothing safely: anyone who reads it can
forge sessions, password-reset links and preview tokens. ``make demo`` and the
benchmarks therefore use ``SECRET_KEY`` from the environment when it is set,
and otherwise a random key generated once per install and kept in the data
folder (``.data/secret_key``, never committed). Only the test settings carry a
fixed key, and they never serve anyone.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

# Placeholders that must never sign anything in production (.env.example's own).
KNOWN_PLACEHOLDERS = frozenset({"change-me", "changeme", "secret", "dev-only-not-secret"})
MIN_PRODUCTION_LENGTH = 50


def data_dir(base_dir: Path) -> Path:
    return Path(os.environ.get("CPTS_DATA_DIR", base_dir / ".data")).resolve()


def install_secret_key(folder: Path) -> str:
    """``SECRET_KEY`` from the environment, or this install's key in ``folder``, made on first use.

    Several processes may start at once (gunicorn workers, ``make demo`` and a
    test): the file is created exclusively, and a loser of that race reads the
    winner's key.
    """
    from_environment = os.environ.get("SECRET_KEY", "")
    if from_environment:
        return from_environment
    path = folder / "secret_key"
    folder.mkdir(parents=True, exist_ok=True)
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        key = path.read_text().strip()
        if len(key) < MIN_PRODUCTION_LENGTH:
            message = f"{path} ne contient pas de clé valable : supprimez-le pour en refaire une."
            raise RuntimeError(message) from None
        return key
    key = secrets.token_urlsafe(64)
    with os.fdopen(descriptor, "w") as handle:
        handle.write(key + "\n")
    return key


def production_key_problem(key: str) -> str | None:
    """Why ``key`` may not sign anything in production, in French, or None."""
    if not key:
        return "SECRET_KEY doit être défini en production."
    if key in KNOWN_PLACEHOLDERS or len(key) < MIN_PRODUCTION_LENGTH:
        return (
            f"SECRET_KEY est un exemple ou fait moins de {MIN_PRODUCTION_LENGTH} caractères : "
            "générez-en un avec `python -c 'import secrets; print(secrets.token_urlsafe(64))'`."
        )
    return None
