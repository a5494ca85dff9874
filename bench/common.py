"""Shared plumbing for the benchmarks: a fresh bench database and timing helpers."""

import os
import re
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


# The environment variable each benchmark settings module reads its database name from.
DATABASE_VARIABLES = {
    "config.settings.bench": "BENCH_DATABASE_NAME",
    "config.settings.single_site": "SINGLE_SITE_DATABASE_NAME",
}


def setup_django(
    *, fresh: bool = True, settings_module: str = "config.settings.bench", database: str | None = None
) -> None:
    """Point Django at a bench database and set it up.

    ``settings_module`` is imposed, not defaulted: a preparation step for the
    single-site baseline must never fall back to the network's settings. With
    ``fresh``, the database is dropped and recreated, so a benchmark that
    recreates its database names it (``database``), and only the one it owns:
    the generated network (``cpts_bench``) is recreated only when asked for
    (``generate_network.py --fresh``).
    """
    os.environ["DJANGO_SETTINGS_MODULE"] = settings_module
    if database is not None:
        # Through the variable the settings read, so that the subprocesses a
        # benchmark starts (manage.py, gunicorn) use the same database.
        os.environ[DATABASE_VARIABLES[settings_module]] = database
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
    with psycopg.connect(**{k: v for k, v in admin_conninfo.items() if v is not None}) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [db["NAME"]]).fetchone()
        if fresh and exists:
            conn.execute(f'DROP DATABASE "{db["NAME"]}" WITH (FORCE)')
            exists = None
        if not exists:
            conn.execute(f'CREATE DATABASE "{db["NAME"]}"')
    import django

    django.setup()


def wrk_failures(output: str) -> int:
    """Responses wrk counted that were not a success: non-2xx/3xx answers and socket errors."""
    failures = 0
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    if non_2xx:
        failures += int(non_2xx.group(1))
    sockets = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output)
    if sockets:
        failures += sum(int(n) for n in sockets.groups())
    return failures


def refuse_ratio(measures: dict[str, dict]) -> None:
    """Exit without a ratio when any measured response failed: a ratio of errors means nothing."""
    failed = {label: m["errors"] for label, m in measures.items() if m["errors"]}
    if failed:
        for label, count in failed.items():
            print(f"  ÉCHEC {label} : {count} réponses en erreur", file=sys.stderr)
        sys.exit("Pas de ratio : des réponses mesurées ont échoué (voir ci-dessus).")


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
    return f"  {label:<24} médiane {fmt(stats['median'])}  p95 {fmt(stats['p95'])}"


def public_network_prepare(database: str) -> None:
    """A fresh database of its own with the public schema and the reference data, nothing else.

    For benchmarks of what reads public copies only (agenda, maps): their CPTS
    are rows without schemas (``cpts_rows``), since no request visits one.
    """
    setup_django(fresh=True, database=database)
    from django.core.management import call_command

    from network.services import reference_data_load

    print("Préparation : schéma public, données de référence…", flush=True)
    call_command("migrate_schemas", "--shared", interactive=False, verbosity=0)
    reference_data_load()


def cpts_rows(count: int, prefix: str) -> list:
    """``count`` CPTS rows spread over the departments in turn, without schemas (``bulk_create``)."""
    from network.models import Department
    from tenants.models import CPTS

    departments = list(Department.objects.order_by("code").values_list("code", "region_id"))
    return CPTS.objects.bulk_create(
        CPTS(
            schema_name=f"{prefix}_{i:04d}",
            name=f"CPTS fictive {i:04d}",
            short_name=f"{prefix}{i:04d}",
            department_code=departments[i % len(departments)][0],
            region_code=departments[i % len(departments)][1],
        )
        for i in range(count)
    )
