"""One new migration across the whole network (default: the 1,000 CPTS of bench/generate_network.py):
django-tenants' parallel ``migrate_schemas`` against ``migrate_network``'s replay, same run.

    python bench/generate_network.py --cpts 1000 --fresh   # once (about half an hour)
    python bench/bench_migrate_network.py [--processes 2] [--django-unapply]

"The new migration" is bench.benchapp's (create a table with an index). In
order: it is unapplied everywhere by ``migrate_network benchapp zero``
(timed: the replayed unapply), applied by ``migrate_schemas --tenant
benchapp`` with the multiprocessing executor (timed: the baseline), unapplied
again, then applied by ``migrate_network benchapp`` (timed: the replay). With
``--django-unapply`` the baseline's unapply is timed too (about half an hour
at 1,000 CPTS). Then the catalog of every CPTS schema is compared with the
template's, migrated by Django's own path, and its ``django_migrations`` rows
counted. Commands run as subprocesses, as an operator runs them.
"""

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import ROOT, setup_django, timed  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--processes", type=int, default=2)
    parser.add_argument(
        "--django-unapply", action="store_true", help="also time migrate_schemas benchapp zero"
    )
    args = parser.parse_args()
    setup_django(fresh=False)
    from tenants.catalog import schema_catalog
    from tenants.models import CPTS
    from tenants.validators import TEMPLATE_SCHEMA_NAME

    n = CPTS.objects.count()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.bench",
        "BENCH_PROCESSES": str(args.processes),
    }

    def manage(*argv: str) -> None:
        subprocess.run(  # noqa: S603
            [sys.executable, "manage.py", *argv, "-v", "0"],
            cwd=ROOT,
            env=env,
            check=True,
            stdout=subprocess.DEVNULL,
        )

    def django_path(*target: str) -> None:
        manage("migrate_schemas", "--tenant", "--noinput", "--executor=multiprocessing", "benchapp", *target)

    results = {"cpts": n, "processes": args.processes}
    print(f"{n} CPTS", flush=True)
    results["replay_unapply_s"] = timed(lambda: manage("migrate_network", "benchapp", "zero"))
    print(f"  migrate_network benchapp zero : {results['replay_unapply_s']:.1f} s", flush=True)
    results["django_apply_s"] = timed(lambda: django_path())
    print(
        f"  migrate_schemas benchapp ({args.processes} processus) : {results['django_apply_s']:.0f} s",
        flush=True,
    )
    if args.django_unapply:
        results["django_unapply_s"] = timed(lambda: django_path("zero"))
        print(f"  migrate_schemas benchapp zero : {results['django_unapply_s']:.0f} s", flush=True)
    else:
        manage("migrate_network", "benchapp", "zero")
    results["replay_apply_s"] = timed(lambda: manage("migrate_network", "benchapp"))
    print(f"  migrate_network benchapp : {results['replay_apply_s']:.1f} s", flush=True)
    results["ratio_apply"] = results["django_apply_s"] / results["replay_apply_s"]
    print(f"  rejoué {results['ratio_apply']:.1f}× plus vite que migrate_schemas", flush=True)

    reference = schema_catalog(TEMPLATE_SCHEMA_NAME)
    schemas = list(CPTS.objects.values_list("schema_name", flat=True))
    results["catalog_identical"] = all(schema_catalog(schema) == reference for schema in schemas)
    from django.db import connection

    with connection.cursor() as cursor:
        recorded = 0
        for schema in schemas:
            cursor.execute(f"SELECT count(*) FROM {schema}.django_migrations WHERE app = 'benchapp'")  # noqa: S608
            recorded += cursor.fetchone()[0]
    results["django_migrations_rows"] = recorded
    print(f"  catalogue de chaque schéma identique au modèle : {results['catalog_identical']}")
    print(f"  lignes django_migrations de benchapp : {recorded} / {n}")
    out = ROOT / "bench" / "results"
    out.mkdir(exist_ok=True)
    (out / "migrate_network.json").write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
