"""How long creating a CPTS takes, against django-tenants' two ways, in the same run.

    python bench/bench_cpts_create.py [--samples 20] [--cpts 100]

Baselines, measured here each run:
  * migrations: CREATE SCHEMA then every migration (django-tenants' default);
  * clone: django-tenants' clone_schema from the template, then faked migrations
    (its TENANT_BASE_SCHEMA path).
Then ``cpts_create`` (template SQL replayed in one transaction, plus site and
coordinator), the catalog check against a migrated schema, and
``migrate_schemas`` over --cpts schemas with and without a pending migration.
"""

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import ROOT, fmt, setup_django, summary, timed  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--samples", type=int, default=20)
    parser.add_argument("--baseline-samples", type=int, default=3)
    parser.add_argument("--cpts", type=int, default=100)
    args = parser.parse_args()

    # Its own database, recreated each run: never the generated network's (cpts_bench).
    setup_django(fresh=True, database="cpts_bench_create")
    from django.core.management import call_command
    from django.db import connection
    from django_tenants.clone import CloneSchema
    from django_tenants.management.commands.migrate_schemas import (
        Command as DjangoTenantsMigrateSchemas,
    )

    from tenants.catalog import schema_catalog
    from tenants.services import cpts_create
    from tenants.validators import TEMPLATE_SCHEMA_NAME

    print("Préparation : schéma public et modèle…", flush=True)
    call_command("migrate_schemas", interactive=False, verbosity=0)

    def migrate_one(schema: str) -> None:
        with connection.cursor() as cursor:
            cursor.execute(f"CREATE SCHEMA {schema}")
        call_command(
            DjangoTenantsMigrateSchemas(),
            schema_name=schema,
            tenant=True,
            interactive=False,
            verbosity=0,
        )

    def clone_one(schema: str) -> None:
        CloneSchema().clone_schema(TEMPLATE_SCHEMA_NAME, schema, "DATA")
        call_command(
            DjangoTenantsMigrateSchemas(),
            schema_name=schema,
            tenant=True,
            fake=True,
            interactive=False,
            verbosity=0,
        )

    results: dict = {}
    migrations = [timed(lambda i=i: migrate_one(f"base_migrated_{i}")) for i in range(args.baseline_samples)]
    results["migrations"] = summary(migrations)
    print(f"  migrations      médiane {fmt(results['migrations']['median'])}", flush=True)
    clones = [timed(lambda i=i: clone_one(f"base_cloned_{i}")) for i in range(args.baseline_samples)]
    results["clone"] = summary(clones)
    print(f"  clone_schema    médiane {fmt(results['clone']['median'])}", flush=True)

    def create(i: int) -> None:
        cpts_create(
            name=f"CPTS banc {i}",
            short_name=f"banc-{i:04d}",
            region_code="44",
            department_code="57",
            coordinator_email=f"coord{i}@banc.test",
        )

    ours = [timed(lambda i=i: create(i)) for i in range(args.samples)]
    results["cpts_create"] = summary(ours)
    print(
        f"  cpts_create     médiane {fmt(results['cpts_create']['median'])}"
        f"  p95 {fmt(results['cpts_create']['p95'])}",
        flush=True,
    )

    identical = schema_catalog("banc_0000") == schema_catalog("base_migrated_0")
    results["catalog_identical_to_migrated"] = identical
    results["ratio_vs_migrations"] = results["migrations"]["median"] / results["cpts_create"]["median"]
    results["ratio_vs_clone"] = results["clone"]["median"] / results["cpts_create"]["median"]
    print(f"  catalogue identique à un schéma migré : {identical}")
    print(
        f"  ratio : {results['ratio_vs_migrations']:.1f}× plus rapide que les migrations, "
        f"{results['ratio_vs_clone']:.1f}× plus rapide que clone_schema",
        flush=True,
    )

    # migrate_schemas across --cpts CPTS.
    with connection.cursor() as cursor:
        for prefix in ("base_migrated_", "base_cloned_"):
            for i in range(args.baseline_samples):
                cursor.execute(f"DROP SCHEMA {prefix}{i} CASCADE")
    for i in range(args.samples, args.cpts):
        create(i)
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.bench"}

    def manage(*argv: str) -> None:
        subprocess.run(  # noqa: S603
            [
                sys.executable,
                "manage.py",
                "migrate_schemas",
                "--tenant",
                "--noinput",
                "-v",
                "0",
                *argv,
            ],
            cwd=ROOT,
            env=env,
            check=True,
        )

    for executor in ("standard", "multiprocessing"):
        results[f"migrate_noop_{executor}"] = timed(lambda e=executor: manage(f"--executor={e}"))
        manage("benchapp", "zero")
        results[f"migrate_one_{executor}"] = timed(lambda e=executor: manage("benchapp", f"--executor={e}"))
        print(
            f"  migrate_schemas {args.cpts} CPTS ({executor}) : aucune migration "
            f"{fmt(results[f'migrate_noop_{executor}'])}, une migration "
            f"{fmt(results[f'migrate_one_{executor}'])}",
            flush=True,
        )

    out = ROOT / "bench" / "results"
    out.mkdir(exist_ok=True)
    (out / "cpts_create.json").write_text(json.dumps(results, indent=2))
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
