"""Build a synthetic network of N CPTS through the project's own services.

    python bench/generate_network.py --cpts 1000 --seed 2026

Then each site is filled (bench/populate_sites.py): governance, a page,
campaigns and internship offers, through the same services as an editor.

Territories are runs of neighbouring communes (ordered by postal code within a
department, which follows geography closely enough), about 40 each, so
coverage, tiers and zones blanches look like a real network. A few
territories share a border commune, as real ones do. Deterministic for a seed.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import setup_django  # noqa: E402

STAGES = ["idea", "letter_of_intent", "health_project_validated", "aci_signed", "aci_signed", "aci_signed"]


def plan_territories(n: int, seed: int, size: int = 40) -> list[tuple[str, str, list[str]]]:
    """(region, department, commune codes) for n CPTS, deterministic for a seed."""
    from network.models import Commune

    rng = random.Random(seed)
    by_department: dict[str, list[tuple[str, str]]] = {}
    # Ordered by postal code: neighbouring communes end up next to each other.
    for code, department, region in (
        Commune.objects.filter(is_current=True, arrondissements__isnull=True)
        .values_list("code", "department_id", "region_id")
        .order_by("department_id", "postal_codes", "code")
    ):
        by_department.setdefault(department, []).append((code, region))
    cursors = dict.fromkeys(by_department, 0)
    departments = sorted(by_department)
    plans = []
    for i in range(n):
        department = departments[i % len(departments)]
        communes = by_department[department]
        start = cursors[department]
        length = max(5, int(rng.gauss(size, size / 3)))
        # One territory in twenty starts on its neighbour's last commune.
        if start and rng.random() < 0.05:
            start -= 1
        chosen = communes[start : start + length] or communes[-length:]
        cursors[department] = min(start + length, len(communes))
        plans.append((chosen[0][1], department, [code for code, _ in chosen]))
    return plans


RECYCLE_EVERY = 25


def generate(n: int, seed: int, *, verbose: bool = True) -> float:
    from django.db import connection
    from django_tenants.utils import schema_context

    from content.services import territory_add_communes
    from cpts_network.demo.region import stage_milestones
    from tenants.models import CPTS
    from tenants.services import cpts_create

    existing = set(CPTS.objects.values_list("short_name", flat=True))
    plans = plan_territories(n, seed)
    rng = random.Random(seed)
    start = time.perf_counter()
    for i, (region, department, codes) in enumerate(plans):
        short_name = f"cpts-{i:04d}"
        stage = rng.choice(STAGES)
        if short_name in existing:
            continue
        cpts = cpts_create(
            name=f"CPTS synthétique {i:04d}",
            short_name=short_name,
            region_code=region,
            department_code=department,
            coordinator_email=f"coordination@{short_name}.test",
            stage=stage,
            # A signed ACI has its signature date (tenants.models.CPTS.clean).
            **stage_milestones(stage, rng),
        ).cpts
        with schema_context(cpts.schema_name):
            territory_add_communes(cpts=cpts, codes=codes)
        if (i + 1) % RECYCLE_EVERY == 0:
            # A PostgreSQL backend keeps a cache entry for every relation it has
            # touched; one connection creating hundreds of schemas slows down
            # tenfold. App servers recycle theirs too (CONN_MAX_AGE).
            connection.close()
        if verbose and (i + 1) % 100 == 0:
            print(f"  {i + 1} CPTS en {time.perf_counter() - start:.0f} s", flush=True)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cpts", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--fresh", action="store_true", help="recreate the bench database first")
    parser.add_argument("--campaigns", type=int, default=5, help="published campaigns per CPTS")
    parser.add_argument("--offers", type=int, default=20, help="published internship offers per CPTS")
    parser.add_argument("--workers", type=int, default=2, help="processes filling the sites")
    args = parser.parse_args()
    setup_django(fresh=args.fresh)
    from django.core.management import call_command

    from network.services import reference_data_load

    call_command("migrate_schemas", interactive=False, verbosity=0)
    reference_data_load()
    elapsed = generate(args.cpts, args.seed)
    print(f"Réseau de {args.cpts} CPTS : {elapsed:.0f} s ({elapsed / max(args.cpts, 1):.2f} s par CPTS)")
    if args.campaigns or args.offers:
        from django.db import connection

        from bench.populate_sites import populate

        connection.close()
        filled = populate(seed=args.seed, campaigns=args.campaigns, offers=args.offers, workers=args.workers)
        print(
            f"Sites (gouvernance, page, {args.campaigns} campagnes, {args.offers} offres) : "
            f"{filled:.0f} s ({filled / max(args.cpts, 1):.2f} s par CPTS)"
        )


if __name__ == "__main__":
    main()
