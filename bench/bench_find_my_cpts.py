"""« Trouver ma CPTS » over 1,000 CPTS, against two federation requests of the same run.

    python bench/bench_find_my_cpts.py [--cpts 1000] [--samples 200]

Uses its own database, ``cpts_bench_access``, recreated each run (never the
generated network's ``cpts_bench``). The search reads public tables only
(reference communes, coverage, hosts, the adhésion pages' copy), so the CPTS
here are rows without schemas, each with its primary host: about 70 % of
every department's communes are shared out among the CPTS of that department
as territories (claims written, then ``coverage_rebuild`` as after loading
reference data), one in twenty CPTS also claims its neighbour's first commune
(overlaps), one in two has an adhésion page. Metz and Montigny-lès-Metz are in
a territory of Moselle. Each request goes through Django's full stack on the
federation host (test client), ``--samples`` times after one unmeasured
request: the API for a postal code, a name without accents, a postal code of
five communes, a typo, a commune in no CPTS, a commune of two CPTS and Paris
(its 20 arrondissements), then the HTML page. Baselines, same run, same
client: ``/robots.txt`` on the federation host (the stack and no query) and
the students' search API around Metz (it resolves a commune too). The first
typo of a process, which reads every commune name once, is timed apart.
Any answer that is not a 200 stops the run before a ratio is printed.
"""

import argparse
import json
import sys
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

API = "/api/network/find-my-cpts/"
PAGE = "/trouver-ma-cpts/"
TARGET_P95 = 0.020
METZ, MONTIGNY = "57463", "57480"


def network_build(count: int) -> dict:
    """CPTS rows with hosts, territories, overlaps and adhésion copies; returns what was made."""
    from access.models import AdhesionPageCopy
    from network.coverage import coverage_rebuild
    from network.models import Commune, TerritoryClaim
    from tenants.models import Domain

    rows = cpts_rows(count, "access")
    Domain.objects.bulk_create(
        Domain(domain=f"{cpts.short_name}.bench.test", tenant=cpts, is_primary=True) for cpts in rows
    )
    by_department: dict[str, list] = {}
    for cpts in rows:
        by_department.setdefault(cpts.department_code, []).append(cpts)
    claims: list = []
    for code, members in by_department.items():
        communes = list(
            Commune.objects.filter(department_id=code, is_unit=True, is_current=True)
            .order_by("code")
            .values_list("code", flat=True)
        )
        communes = communes[: int(len(communes) * 0.7)]
        size = max(1, len(communes) // len(members))
        territories = [communes[n * size : (n + 1) * size] for n in range(len(members))]
        if code == "57":
            territories[0] = sorted({*territories[0], METZ, MONTIGNY})
        for n, (cpts, territory) in enumerate(zip(members, territories, strict=True)):
            if n % 20 == 19 and n + 1 < len(territories) and territories[n + 1]:
                territory = [*territory, territories[n + 1][0]]  # one commune shared with the next
            claims += [TerritoryClaim(cpts=cpts, commune_id=c) for c in territory]
    TerritoryClaim.objects.bulk_create(claims, batch_size=5000, ignore_conflicts=True)
    coverage_rebuild()
    AdhesionPageCopy.objects.bulk_create(
        AdhesionPageCopy(cpts=cpts, page_id=1, path="/adherer/") for cpts in rows[::2]
    )
    uncovered = Commune.objects.filter(is_unit=True, cover_count=0, department_id="57")
    overlap = Commune.objects.filter(cover_count__gte=2).order_by("-population").first()
    return {
        "claims": len(claims),
        "uncovered": uncovered.order_by("-population").values_list("name", flat=True).first(),
        "overlap": (overlap.code, overlap.name) if overlap else None,
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cpts", type=int, default=1000)
    parser.add_argument("--samples", type=int, default=200)
    args = parser.parse_args()

    # Its own database, recreated each run: never the generated network's (cpts_bench).
    public_network_prepare("cpts_bench_access")
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from access.commune_names import commune_names_forget

    print("Préparation : CPTS, hôtes, territoires, pages d'adhésion…", flush=True)
    made = network_build(args.cpts)
    with connection.cursor() as cursor:
        cursor.execute("VACUUM (ANALYZE)")
    client = Client(HTTP_HOST="localhost")

    searches = {
        "API code postal 57000": (API, {"q": "57000"}),
        "API « Montigny les Metz »": (API, {"q": "Montigny les Metz"}),
        "API code postal 57050 (5 communes)": (API, {"q": "57050"}),
        "API faute « Montigni les Metz »": (API, {"q": "Montigni les Metz"}),
        f"API « {made['uncovered']} » (aucune CPTS)": (API, {"q": made["uncovered"]}),
        f"API {made['overlap'][1]} (deux CPTS)": (API, {"commune": made["overlap"][0]}),
        "API « Paris » (20 arrondissements)": (API, {"q": "Paris"}),
        "page /trouver-ma-cpts/?q=57000": (PAGE, {"q": "57000"}),
    }
    baselines = {
        "socle : /robots.txt": ("/robots.txt", {}),
        "API stages près de Metz": ("/api/network/internships/", {"near": "Metz", "within": "30"}),
    }

    commune_names_forget()
    cold_typo = timed(lambda: client.get(API, {"q": "Plapeville"}))
    measures, queries = {}, {}
    for label, (path, params) in {**baselines, **searches}.items():
        statuses = []

        def get(p=path, q=params, seen=statuses):
            response = client.get(p, q)
            seen.append(response.status_code)
            return response

        with CaptureQueriesContext(connection) as counted:
            first = get()
        queries[label] = len(counted)
        if path == API:
            assert first.json()["communes"], (label, first.json())
        samples = [timed(get) for _ in range(args.samples)]
        measures[label] = summary(samples) | {"errors": sum(1 for s in statuses if s != 200)}
    refuse_ratio(measures)

    print(f"{args.cpts} CPTS, {made['claims']} communes revendiquées, {args.samples} mesures par requête")
    for label, stats in measures.items():
        print(line(label, stats) + f"   {queries[label]} requêtes SQL")
    print(f"  première faute de frappe du processus (lecture des noms) : {fmt(cold_typo)}")
    api_labels = [label for label in searches if label.startswith("API")]
    worst = max(measures[label]["p95"] for label in searches)
    floor, students = (measures[label]["median"] for label in baselines)
    medians = sorted(measures[label]["median"] for label in api_labels)
    middle = medians[len(medians) // 2]
    print(f"  médiane des recherches API : {middle * 1000:.1f} ms ; la pile seule : {floor * 1000:.1f} ms")
    print(f"  médiane des recherches API / API stages près de Metz : {middle / students:.2f}")
    verdict = "atteint" if worst <= TARGET_P95 else "MANQUÉ"
    print(f"  pire p95 des recherches : {fmt(worst)} (objectif {fmt(TARGET_P95)} : {verdict})")
    out = ROOT / "bench" / "results"
    out.mkdir(exist_ok=True)
    (out / "find_my_cpts.json").write_text(
        json.dumps({"measures": measures, "queries": queries, "made": made}, indent=2, ensure_ascii=False)
    )


if __name__ == "__main__":
    main()
