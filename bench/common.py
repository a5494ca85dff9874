"""Shared plumbing for the benchmarks: a fresh bench database and timing helpers."""

import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def setup_django(*, fresh: bool = True) -> None:
    """Point Django at the bench database (recreated when ``fresh``) and set it up."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.bench")
    sys.path.insert(0, str(ROOT))
    import psycopg
    from django.conf import settings

    db = settings.DATABASES["default"]
    admin_conninfo = {
        "dbname": "postgres",
        "host": db["HOST"],
        "port": db["PORT"] or None,
        "user": db["USER"] or None,
        "password": db["PASSWORD"] or None,
        "autocommit": True,
    }
    # The database name follows the settings module (bench or single_site).
    with psycopg.connect(**{k: v for k, v in admin_conninfo.items() if v is not None}) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [db["NAME"]]).fetchone()
        if fresh and exists:
            conn.execute(f'DROP DATABASE "{db["NAME"]}" WITH (FORCE)')
            exists = None
        if not exists:
            conn.execute(f'CREATE DATABASE "{db["NAME"]}"')
    import django

    django.setup()


def timed(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def summary(samples: list[float]) -> dict[str, float]:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return {"n": len(samples), "median": statistics.median(samples), "p95": p95, "max": ordered[-1]}


def fmt(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms" if seconds < 10 else f"{seconds:.1f} s"


def line(label: str, stats: dict[str, float]) -> str:
    return f"  {label:<24}médiane {fmt(stats['median'])}  p95 {fmt(stats['p95'])}"
