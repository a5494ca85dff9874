"""The observatory over 1,000 CPTS × 30 indicators × 5 years, against a loop over schemas, same run.

    python bench/bench_observatory.py [--cpts 1000] [--samples 200]

Uses its own database, ``cpts_bench_observatory``, recreated each run (never
the generated network's ``cpts_bench``). The 14 indicators of the catalogue
and 16 more made for the run (``bench-01`` …) give 30; each CPTS has a value
for each of them and each of 2021–2025 (150,000 rows of the public copy),
seven in ten open, two in ten shared with the federation, one in ten private
(never copied), a value built from fewer than 11 professionals one time in
fifteen. The CPTS are rows without schemas, as the observatory's requests
read the copy only.

The baseline is what the copy avoids: the same rollup (a national, regional
and departmental view of one indicator and year) read by visiting each CPTS's
schema. Each CPTS gets a schema of its own holding a table of its 150 values,
shaped like the rows a CPTS keeps; the loop sets the ``search_path`` to each
in turn, as a request that loops over schemas would, and applies the same
small-number rule.

Measured through Django's full stack on the federation host (test client),
``--samples`` times after one unmeasured request: the API for France, a
region and a department, the indicator's page, then the national CSV of a
year and the aggregates file (20 times each). Any answer that is not a 200
stops the run before a ratio is printed.
"""

import argparse
import json
import random
import sys
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import (  # noqa: E402
    ROOT,
    cpts_rows,
    fmt,
    line,
    public_network_prepare,
    refuse_ratio,
    summary,
    timed,
)

YEARS = range(2021, 2026)
EXTRA_INDICATORS = 16
TARGET_API_P95 = 0.050
TARGET_CSV = 1.0
INDICATOR = "actions-prevention"


def values_build(count: int, seed: int = 2026) -> dict:
    """The copy's rows and one schema per CPTS with the same values; returns what was made."""
    from django.db import connection

    from network.observatory import IndicatorDefinition, SharedIndicatorValue

    IndicatorDefinition.objects.bulk_create(
        IndicatorDefinition(
            code=f"bench-{n:02d}",
            mission="prevention",
            label=f"Indicateur de mesure {n:02d} (fictif)",
            definition="Indicateur inventé pour la mesure.",
            unit="count",
            better="higher",
            source="banc d'essai",
            position=100 + n,
        )
        for n in range(1, EXTRA_INDICATORS + 1)
    )
    codes = list(IndicatorDefinition.objects.values_list("code", flat=True))
    rng = random.Random(seed)
    rows, per_cpts = [], {}
    for cpts in cpts_rows(count, "obs"):
        mine = []
        for code in codes:
            for year in YEARS:
                draw = rng.random()
                audience = "open" if draw < 0.7 else "federation" if draw < 0.9 else "private"
                value = Decimal(rng.randint(0, 400))
                professionals = rng.randint(1, 10) if rng.random() < 1 / 15 else rng.randint(11, 80)
                mine.append((code, year, value, audience, professionals))
                if audience != "private":
                    rows.append(
                        SharedIndicatorValue(
                            cpts=cpts,
                            indicator_id=code,
                            year=year,
                            value=value,
                            audience=audience,
                            professionals=professionals,
                        )
                    )
        per_cpts[cpts.schema_name] = (cpts.region_code, cpts.department_code, mine)
    SharedIndicatorValue.objects.bulk_create(rows, batch_size=10_000)
    with connection.cursor() as cursor:
        for schema, (_region, _department, mine) in per_cpts.items():
            cursor.execute(f'CREATE SCHEMA "{schema}"')
            cursor.execute(
                f'CREATE TABLE "{schema}".indicator_value '
                "(code text, year int, value numeric(12, 2), audience text, professionals int)"
            )
            with cursor.copy(f'COPY "{schema}".indicator_value FROM STDIN') as copy:
                for row in mine:
                    copy.write_row(row)
        cursor.execute("VACUUM (ANALYZE)")
    return {"copied": len(rows), "schemas": len(per_cpts), "indicators": len(codes), "per_cpts": per_cpts}


def loop_over_schemas(per_cpts: dict, *, code: str, year: int, department: str) -> dict:
    """The baseline: each CPTS's schema visited for its open value, then the same rollup."""
    from django.db import connection

    from observatory.disclosure import hidden_alone
    from observatory.selectors import NATIONAL, area_figures

    rows = []
    with connection.cursor() as cursor:
        for schema, (region, dept, _mine) in per_cpts.items():
            cursor.execute(f'SET search_path TO "{schema}"')
            cursor.execute(
                "SELECT value, professionals FROM indicator_value WHERE code = %s AND year = %s "
                "AND audience = 'open'",
                [code, year],
            )
            for value, professionals in cursor.fetchall():
                rows.append(
                    {
                        "cpts_id": schema,
                        "value": value,
                        "hidden": hidden_alone(professionals),
                        "region": region,
                        "department": dept,
                    }
                )
        cursor.execute("SET search_path TO public")
    national = area_figures("national", NATIONAL, "France", rows, summable=True, listed=True)
    local = [r for r in rows if r["department"] == department]
    return {
        "national": national,
        "department": area_figures("department", department, "", local, summable=True, listed=True),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cpts", type=int, default=1000)
    parser.add_argument("--samples", type=int, default=200)
    args = parser.parse_args()

    public_network_prepare("cpts_bench_observatory")
    from django.test import Client

    print("Préparation : CPTS, valeurs partagées, un schéma par CPTS pour la boucle…", flush=True)
    made = values_build(args.cpts)
    client = Client(HTTP_HOST="localhost")
    year = max(YEARS)
    requests = {
        "API France": (f"/api/network/observatory/{INDICATOR}/", {"year": year}),
        "API région 44": (f"/api/network/observatory/{INDICATOR}/regions/44/", {"year": year}),
        "API département 57": (f"/api/network/observatory/{INDICATOR}/departments/57/", {"year": year}),
        "page de l'indicateur": (f"/observatoire/{INDICATOR}/", {"annee": year}),
    }
    files = {
        f"CSV national {year}": (f"/observatoire/donnees/valeurs-cpts-{year}.csv", {}),
        f"agrégats {year}": (f"/observatoire/donnees/agregats-{year}.csv", {}),
    }
    measures = {}
    for label, (path, params) in {**requests, **files}.items():
        statuses = []

        def get(p=path, q=params, seen=statuses):
            response = client.get(p, q)
            seen.append(response.status_code)
            return response

        get()
        samples = [timed(get) for _ in range(args.samples if label in requests else 20)]
        measures[label] = summary(samples) | {"errors": sum(1 for s in statuses if s != 200)}
    loop = [
        timed(lambda: loop_over_schemas(made["per_cpts"], code=INDICATOR, year=year, department="57"))
        for _ in range(5)
    ]
    measures["boucle sur les schémas"] = summary(loop) | {"errors": 0}
    refuse_ratio(measures)

    print(
        f"{made['schemas']} CPTS × {made['indicators']} indicateurs × {len(YEARS)} ans : "
        f"{made['copied']} valeurs dans la copie publique"
    )
    for label, stats in measures.items():
        print(line(label, stats))
    worst_api = max(measures[label]["p95"] for label in requests)
    baseline = measures["boucle sur les schémas"]["median"]
    slowest_file = max(measures[label]["max"] for label in files)
    print(
        f"  pire p95 de l'API et de la page : {fmt(worst_api)} (objectif {fmt(TARGET_API_P95)} : "
        f"{'atteint' if worst_api <= TARGET_API_P95 else 'MANQUÉ'})"
    )
    print(
        f"  fichier le plus lent : {fmt(slowest_file)} (objectif {fmt(TARGET_CSV)} : "
        f"{'atteint' if slowest_file <= TARGET_CSV else 'MANQUÉ'})"
    )
    print(
        f"  API France / boucle sur les schémas : {measures['API France']['median'] / baseline:.3f} "
        f"(la boucle : {fmt(baseline)})"
    )
    out = ROOT / "bench" / "results"
    out.mkdir(exist_ok=True)
    (out / "observatory.json").write_text(
        json.dumps({"measures": measures, "cpts": made["schemas"], "copied": made["copied"]}, indent=2)
    )


if __name__ == "__main__":
    main()
