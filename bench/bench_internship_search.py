"""The students' search over 1,000 CPTS with 20 offers each, against a loop over schemas.

    python bench/generate_network.py --cpts 1000 --fresh     # once: network, sites, 20,000 offers
    python bench/bench_internship_search.py [--samples 50] [--reindex]

Typical student queries go through Django's full stack on the federation host
(``/api/network/internships/``); the baseline visits every CPTS schema and
filters its live offers, in the same run. Then the time from a publication in
a CPTS to the hit in the search, and optionally ``reindex_network`` and the
drift check over the whole network.
"""

import argparse
import datetime
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import ROOT, fmt, line, setup_django, summary, timed  # noqa: E402

QUERIES = {
    "tout, page 1": {},
    "kiné": {"q": "kine"},
    "médecine générale, logement": {"q": "medecine generale", "housing": "true"},
    "infirmier en Moselle": {"q": "infirmier", "department": "57"},
    "faute : pharmacei": {"q": "pharmacei"},
    "interne, Grand Est, par date": {"level": "intern", "region": "44", "sort": "start"},
    "sage-femme cet été": {"q": "sage-femme", "start": "2027-05-01", "end": "2027-08-31"},
    "docteur junior, récentes": {
        "discipline": "general_medicine",
        "level": "docteur_junior",
        "sort": "newest",
    },
}


def naive_search(params: dict) -> list:
    """Every schema visited in turn, offers filtered there: what a request must never do."""
    from django.db.models import Q
    from django.utils import timezone
    from django_tenants.utils import schema_context

    from content.models import InternshipOfferPage
    from search.text import query_words
    from tenants.models import CPTS

    today = timezone.localdate()
    rows = []
    for cpts in CPTS.objects.all():
        with schema_context(cpts.schema_name):
            offers = InternshipOfferPage.objects.live().filter(filled=False, end_date__gte=today)
            for word in query_words(params.get("q", "")):
                offers = offers.filter(Q(title__icontains=word) | Q(description__icontains=word))
            for name in ("discipline", "level"):
                if params.get(name):
                    offers = offers.filter(**{name: params[name]})
            if params.get("department"):
                offers = offers.filter(commune__department_id=params["department"])
            if params.get("region"):
                offers = offers.filter(commune__region_id=params["region"])
            if params.get("housing"):
                offers = offers.filter(housing=True)
            if params.get("start"):
                offers = offers.filter(end_date__gte=params["start"])
            if params.get("end"):
                offers = offers.filter(start_date__lte=params["end"])
            rows += [(o.start_date, cpts.short_name, o.title) for o in offers]
    return sorted(rows)[:20]


def publish_to_hit(samples: int) -> dict:
    """Publish an offer with a word of its own in one CPTS, then ask the search until it shows."""
    from django.db import connection
    from django.test import Client
    from django_tenants.utils import schema_context

    from content.models import InternshipIndexPage, InternshipOfferPage, TerritoryCommune
    from content.services import page_publish
    from tenants.models import CPTS

    client = Client(HTTP_HOST="localhost")
    cpts = CPTS.objects.order_by("short_name")[len(CPTS.objects.all()) // 2]
    waits, totals = [], []
    for n in range(samples):
        word = f"zorglub{n}x"
        started = time.perf_counter()
        with schema_context(cpts.schema_name):
            page = page_publish(
                parent=InternshipIndexPage.objects.get(),
                page=InternshipOfferPage(
                    title=f"Stage {word}",
                    discipline="nursing",
                    level="year_2",
                    host_structure="ehpad",
                    commune_id=TerritoryCommune.objects.first().commune_id,
                    start_date=datetime.date.today(),
                    end_date=datetime.date.today() + datetime.timedelta(days=60),
                    apply_email="bench@example.test",
                ),
            )
        connection.set_schema_to_public()
        published = time.perf_counter()
        while client.get("/api/network/internships/", {"q": word}).json()["count"] != 1:
            if time.perf_counter() - published > 5:
                raise SystemExit(f"{word}: not found after 5 s")
        found = time.perf_counter()
        waits.append(found - published)
        totals.append(found - started)
        with schema_context(cpts.schema_name):
            page.delete()
        connection.set_schema_to_public()
    return {"publish_to_hit": summary(totals), "commit_to_hit": summary(waits)}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--samples", type=int, default=50)
    parser.add_argument("--naive-samples", type=int, default=3)
    parser.add_argument(
        "--reindex", action="store_true", help="also time reindex_network and the drift check"
    )
    args = parser.parse_args()

    setup_django(fresh=False)
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    from search.models import InternshipListing
    from tenants.models import CPTS

    # As after any bulk load (autovacuum would do it in time): statistics and the
    # visibility map that index-only scans rely on.
    with connection.cursor() as cursor:
        cursor.execute("VACUUM (ANALYZE) search_internshiplisting")
    results: dict = {
        "cpts": CPTS.objects.count(),
        "offers": InternshipListing.objects.count(),
        "queries": {},
    }
    print(f"{results['cpts']} CPTS, {results['offers']} offres dans la liste du réseau", flush=True)
    client = Client(HTTP_HOST="localhost")
    every_api, every_naive = [], []
    for label, params in QUERIES.items():
        response = client.get("/api/network/internships/", params)
        assert response.status_code == 200, response.content[:300]
        count = response.json()["count"]
        samples = [
            timed(lambda p=params: client.get("/api/network/internships/", p)) for _ in range(args.samples)
        ]
        naive_samples = [timed(lambda p=params: naive_search(p)) for _ in range(args.naive_samples)]
        connection.set_schema_to_public()
        ours, naive = summary(samples), summary(naive_samples)
        every_api += samples
        every_naive += naive_samples
        results["queries"][label] = {"hits": count, "api": ours, "naive_loop": naive}
        print(line(f"{label} ({count})", ours) + f"   boucle {fmt(naive['median'])}", flush=True)
    overall, naive = summary(every_api), summary(every_naive)
    results["overall"] = {"api": overall, "naive_loop": naive, "ratio": naive["median"] / overall["median"]}
    print(
        line("toutes requêtes", overall)
        + f"   boucle {fmt(naive['median'])}   ratio {results['overall']['ratio']:.0f}×"
    )

    latency = publish_to_hit(10)
    results.update(latency)
    print(line("publication → résultat", latency["publish_to_hit"]))
    print(line("commit → résultat", latency["commit_to_hit"]), flush=True)

    if args.reindex:
        results["reindex_network_s"] = timed(lambda: call_command("reindex_network", verbosity=0))
        results["check_search_index_s"] = timed(lambda: call_command("check_search_index", verbosity=0))
        print(
            f"  reindex_network {results['reindex_network_s']:.1f} s, "
            f"check_search_index {results['check_search_index_s']:.1f} s"
        )
    out = ROOT / "bench" / "results"
    out.mkdir(exist_ok=True)
    (out / "internship_search.json").write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
