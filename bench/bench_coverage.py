"""Network coverage over N CPTS: the SQL selectors against a loop over schemas.

    python bench/bench_coverage.py --cpts 1000 [--fresh]

Builds (or reuses) a network with bench/generate_network.py, then measures
through the real HTTP stack (Django's test client, federation host):
  * GET /api/network/coverage/ and /api/network/coverage/departments/<code>/ (``?definition=any``);
  * the naive baseline, in the same run: visit every CPTS schema, read its
    territory and aggregate in Python (what a request must never do);
  * the time from a territory edit to the next coverage response showing it.
"""

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import ROOT, fmt, line, setup_django, summary, timed  # noqa: E402


def naive_national_coverage() -> dict:
    """Every schema visited in turn: the loop the project forbids inside a request."""
    from django_tenants.utils import schema_context

    from content.models import TerritoryCommune
    from network.models import Commune
    from tenants.models import CPTS

    population = dict(Commune.objects.filter(is_current=True).values_list("code", "population"))
    covered: dict[str, int] = {}
    for cpts in CPTS.objects.all():
        with schema_context(cpts.schema_name):
            for code in TerritoryCommune.objects.values_list("commune_id", flat=True):
                covered[code] = covered.get(code, 0) + 1
    return {
        "population": sum(population.values()),
        "covered_population": sum(population.get(code, 0) for code in covered),
        "overlaps": sum(1 for n in covered.values() if n > 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cpts", type=int, default=1000)
    parser.add_argument("--samples", type=int, default=30)
    parser.add_argument("--baseline-samples", type=int, default=5)
    parser.add_argument("--fresh", action="store_true")
    args = parser.parse_args()

    setup_django(fresh=args.fresh)
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django_tenants.utils import schema_context

    from bench.generate_network import generate
    from content.services import territory_add_communes, territory_remove_communes
    from network.services import reference_data_load
    from tenants.models import CPTS

    # Reusing a built network: only the public schema may have new migrations
    # (visiting 1,000 schemas to find nothing pending takes minutes).
    call_command("migrate_schemas", interactive=False, verbosity=0, shared=not args.fresh)
    reference_data_load()
    print(f"Réseau de {args.cpts} CPTS…", flush=True)
    build = generate(args.cpts, 2026)
    client = Client(HTTP_HOST="localhost")

    # Every stage counts, as in the loop over schemas it is compared with (the API's default
    # counts signed contracts only).
    national_path, department_path = (
        "/api/network/coverage/?definition=any",
        "/api/network/coverage/departments/57/?definition=any",
    )

    def get(path: str) -> dict:
        response = client.get(path)
        assert response.status_code == 200, response.content[:300]
        return response.json()

    get(national_path)  # warm-up
    results: dict = {"cpts": CPTS.objects.count(), "build_seconds": build}
    national = [timed(lambda: get(national_path)) for _ in range(args.samples)]
    department = [timed(lambda: get(department_path)) for _ in range(args.samples)]
    directory = [timed(lambda: get("/api/network/cpts/")) for _ in range(args.samples)]
    naive = [timed(naive_national_coverage) for _ in range(args.baseline_samples)]
    connection.set_schema_to_public()
    results["national"] = summary(national)
    results["department"] = summary(department)
    results["directory"] = summary(directory)
    results["naive_loop"] = summary(naive)
    results["ratio_national_vs_naive"] = results["naive_loop"]["median"] / results["national"]["median"]

    # Same answer both ways.
    ours = get(national_path)["totals"]
    theirs = naive_national_coverage()
    connection.set_schema_to_public()
    results["same_covered_population"] = ours["covered_population"] == theirs["covered_population"]

    # From an edit in one CPTS to the figures.
    cpts = CPTS.objects.order_by("short_name").first()
    edit_samples = []
    for _ in range(10):
        with schema_context(cpts.schema_name):
            territory_remove_communes(cpts=cpts, codes=["57463"])

        def edit_then_read(target=cpts) -> None:
            with schema_context(target.schema_name):
                territory_add_communes(cpts=target, codes=["57463"])
            connection.set_schema_to_public()
            data = get(department_path)
            assert "57463" not in {c["code"] for c in data["uncovered_communes"]}

        edit_samples.append(timed(edit_then_read))
    results["edit_to_figures"] = summary(edit_samples)

    print(line("couverture nationale", results["national"]))
    print(line("couverture département", results["department"]))
    print(line("annuaire", results["directory"]))
    print(line("boucle sur les schémas", results["naive_loop"]))
    ratio, same = results["ratio_national_vs_naive"], results["same_covered_population"]
    print(f"  ratio : {ratio:.0f}× plus rapide ; mêmes chiffres : {same}")
    print(f"  modification → chiffres à jour : médiane {fmt(results['edit_to_figures']['median'])}")
    out = ROOT / "bench" / "results"
    out.mkdir(exist_ok=True)
    (out / "coverage.json").write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
