"""The map pages over 1,000 CPTS: the federation's home and the students' search, with their baselines.

    python bench/bench_maps.py [--cpts 1000] [--offers-per-cpts 5] [--samples 30]

Uses its own database, ``cpts_bench_maps``, recreated each run (never the
generated network's ``cpts_bench``). Maps read public copies only (territory
claims, offer listings), so the CPTS here are rows without schemas; each
claims a run of neighbouring communes of its department (about 70 % of every
department covered) and lists offers through ``listing_write``, the service a
publication calls. Measured through Django's full stack on the federation
host, in the same run: the home page (coverage map) and its map alone; the
students' page (offers map) against the same search through the API (no
map), by words and around a commune; a department's page (its communes
drawn) against its coverage figures alone; a territory's commune map (the
block of a CPTS site) alone; the dashboard's region map against the
dashboard's region figures.
Any answer that is not a 200 stops the run before a ratio is printed.
"""

import argparse
import datetime
import gzip
import json
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import (  # noqa: E402
    ROOT,
    cpts_rows,
    line,
    public_network_prepare,
    refuse_ratio,
    summary,
    timed,
)


def network_build(count: int, offers_per_cpts: int) -> tuple[int, int]:
    from django.db import transaction
    from django.utils import timezone

    from network.coverage import coverage_rebuild
    from network.models import Commune, Department, TerritoryClaim
    from search.services import OfferSnapshot, listing_write

    departments = list(Department.objects.order_by("code").values_list("code", "region_id"))
    rows = cpts_rows(count, "maps")
    claims, communes_of = [], {}
    for code, _ in departments:
        communes_of[code] = list(
            Commune.objects.filter(department_id=code).order_by("code").values_list("code", flat=True)
        )
    by_department: dict[str, list] = {}
    for cpts in rows:
        by_department.setdefault(cpts.department_code, []).append(cpts)
    for code, members in by_department.items():
        communes = communes_of[code][: int(len(communes_of[code]) * 0.7)]
        size = max(1, len(communes) // len(members))
        for n, cpts in enumerate(members):
            claims += [TerritoryClaim(cpts=cpts, commune_id=c) for c in communes[n * size : (n + 1) * size]]
    TerritoryClaim.objects.bulk_create(claims, batch_size=5000)
    coverage_rebuild()

    rng = random.Random(2026)
    now = timezone.now()
    disciplines = ["general_medicine", "nursing", "physiotherapy", "pharmacy", "midwifery"]
    with transaction.atomic():
        for cpts in rows:
            territory = [c.commune_id for c in claims if c.cpts_id == cpts.pk][:20] or communes_of[
                cpts.department_code
            ][:1]
            for n in range(offers_per_cpts):
                start = timezone.localdate() + datetime.timedelta(days=rng.randint(10, 200))
                listing_write(
                    cpts=cpts,
                    follow=False,
                    offer=OfferSnapshot(
                        page_id=n + 1,
                        title=f"Stage de {disciplines[n % 5].replace('_', ' ')} (exemple fictif)",
                        discipline=disciplines[n % 5],
                        level="intern",
                        host_structure="msp",
                        host_name="Maison de santé fictive",
                        commune_code=rng.choice(territory),
                        supervisor_approved=True,
                        start_date=start,
                        end_date=start + datetime.timedelta(days=180),
                        places=1,
                        housing=bool(n % 2),
                        travel_help=False,
                        summary="Offre fictive du banc d'essai des cartes ; kinésithérapie, soins de ville.",
                        apply_email="stages@example.org",
                        apply_url="",
                        url=f"https://{cpts.short_name}.example.org/stages/{n + 1}/",
                        filled=False,
                        first_published_at=now,
                        last_published_at=now,
                    ),
                )
    return len(claims), count * offers_per_cpts


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cpts", type=int, default=1000)
    parser.add_argument("--offers-per-cpts", type=int, default=5)
    parser.add_argument("--samples", type=int, default=30)
    args = parser.parse_args()

    # Its own database, recreated each run: never the generated network's (cpts_bench).
    public_network_prepare("cpts_bench_maps")
    from django.db import connection
    from django.test import Client

    from network.commune_maps import territory_map
    from network.maps import coverage_map
    from network.models import TerritoryClaim
    from network.selectors import coverage_by_department, coverage_by_region

    print("Préparation : CPTS, territoires, offres…", flush=True)
    claims, offers = network_build(args.cpts, args.offers_per_cpts)
    with connection.cursor() as cursor:
        cursor.execute("VACUUM (ANALYZE)")
    client = Client(HTTP_HOST="localhost")

    pages = {
        "accueil / (carte de couverture)": ("/", {}),
        "/stages/?q=kine (carte des offres)": ("/stages/", {"q": "kine"}),
        "API stages ?q=kine (sans carte)": ("/api/network/internships/", {"q": "kine"}),
        "/stages/ à 30 km de Nancy (carte des communes)": ("/stages/", {"near": "Nancy", "within": "30"}),
        "API stages à 30 km de Nancy (sans carte)": (
            "/api/network/internships/",
            {"near": "Nancy", "within": "30"},
        ),
        "/couverture/57/ (725 communes dessinées)": ("/couverture/57/", {}),
    }
    measures, sizes = {}, {}
    for label, (path, params) in pages.items():
        statuses = []

        def get(p=path, q=params, seen=statuses):
            response = client.get(p, q)
            seen.append(response.status_code)
            return response

        sizes[label] = len(get().content)
        measures[label] = summary([timed(get) for _ in range(args.samples)]) | {
            "errors": sum(1 for s in statuses if s != 200)
        }
    refuse_ratio(measures)
    measures["carte nationale seule"] = summary([timed(coverage_map) for _ in range(args.samples)])
    measures["carte Grand Est seule"] = summary(
        [timed(lambda: coverage_map(region="44")) for _ in range(args.samples)]
    )
    measures["chiffres Grand Est (tableau de bord)"] = summary(
        [timed(lambda: coverage_by_region("44")) for _ in range(args.samples)]
    )
    measures["chiffres de la Moselle seuls (sans carte)"] = summary(
        [timed(lambda: coverage_by_department("57")) for _ in range(args.samples)]
    )
    territory = list(
        TerritoryClaim.objects.filter(cpts__department_code="57").values_list("commune_id", flat=True)[:60]
    )
    measures[f"carte d'un territoire de {len(territory)} communes seule"] = summary(
        [timed(lambda: territory_map(codes=territory, title="")) for _ in range(args.samples)]
    )

    print(f"{args.cpts} CPTS, {claims} communes revendiquées, {offers} offres")
    for label, stats in measures.items():
        size = f"   {sizes[label] / 1024:.0f} Kio" if label in sizes else ""
        print(line(label, stats) + size)
    page, api = measures["/stages/?q=kine (carte des offres)"], measures["API stages ?q=kine (sans carte)"]
    print(f"  page des stages avec carte / même recherche en API : {page['median'] / api['median']:.2f}")
    near_page = measures["/stages/ à 30 km de Nancy (carte des communes)"]
    near_api = measures["API stages à 30 km de Nancy (sans carte)"]
    print(f"  autour de Nancy, page avec carte / API : {near_page['median'] / near_api['median']:.2f}")
    out = ROOT / "bench" / "results"
    out.mkdir(exist_ok=True)
    (out / "maps.json").write_text(
        json.dumps({"measures": measures, "sizes": sizes}, indent=2, ensure_ascii=False)
    )
    outlines = (ROOT / "network" / "static" / "network" / "departments.svg").stat().st_size
    print(f"  fond de carte, téléchargé une fois puis en cache : {outlines / 1024:.0f} Kio")
    moselle = (ROOT / "network" / "static" / "network" / "communes" / "57.svg").read_bytes()
    print(
        f"  communes de la Moselle, en cache : {len(moselle) / 1024:.0f} Kio, "
        f"{len(gzip.compress(moselle)) / 1024:.0f} Kio compressées"
    )


if __name__ == "__main__":
    main()
