"""The network's campaign listing over 1,000 CPTS with 5 campaigns each, against a loop over schemas.

    python bench/bench_campaigns.py [--cpts 1000] [--per-cpts 5]

Reuses (or builds) the network of bench/generate_network.py, migrates it, then
publishes 5 campaigns per CPTS through the project's services. Measured
through Django's full stack on the federation host, with the naive baseline
(visit every schema, read its live campaigns, filter and sort in Python) in
the same run.
"""

import argparse
import datetime
import json
import os
import random
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import ROOT, line, setup_django, summary, timed  # noqa: E402

QUERIES = {
    "toutes, page 1": {},
    "côlon en 2026": {"theme": "colorectal_screening", "year": "2026"},
    "Grand Est": {"region": "44"},
    "Moselle, en cours": {"department": "57", "status": "running"},
}


def publish_campaigns(per_cpts: int, seed: int) -> int:
    from django.db import connection
    from django_tenants.utils import schema_context

    from bench.populate_sites import campaign_page
    from content.models import HomePage
    from content.services import page_publish
    from prevention.models import CampaignIndexPage, CampaignPage
    from tenants.models import CPTS

    rng = random.Random(seed)
    created = 0
    for i, cpts in enumerate(CPTS.objects.order_by("short_name")):
        with schema_context(cpts.schema_name):
            if CampaignPage.objects.exists():
                continue
            index = page_publish(parent=HomePage.objects.get(), page=CampaignIndexPage(title="Prévention"))
            for n in range(per_cpts):
                page_publish(parent=index, page=campaign_page(rng, n))
                created += 1
        if (i + 1) % 25 == 0:
            connection.close()  # see generate_network: recycle the backend
    return created


def naive_listing(params: dict) -> list:
    """Every schema visited in turn: the loop a request must never do."""
    from django.db.models import Q
    from django_tenants.utils import schema_context

    from prevention.models import CampaignPage
    from tenants.models import CPTS

    rows = []
    for cpts in CPTS.objects.all():
        if params.get("region") and params["region"] not in (cpts.territory_regions or [cpts.region_code]):
            continue
        if params.get("department") and params["department"] not in (
            cpts.territory_departments or [cpts.department_code]
        ):
            continue
        with schema_context(cpts.schema_name):
            pages = CampaignPage.objects.live()
            if params.get("theme"):
                pages = pages.filter(theme_id=params["theme"])
            if params.get("status"):
                pages = pages.filter(status=params["status"])
            if params.get("year"):
                year = int(params["year"])
                pages = pages.filter(
                    Q(end__gte=datetime.date(year, 1, 1)) & Q(start__lte=datetime.date(year, 12, 31))
                )
            rows += [(p.start, cpts.name, p.title) for p in pages]
    return sorted(rows, reverse=True)[:50]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cpts", type=int, default=1000)
    parser.add_argument("--per-cpts", type=int, default=5)
    parser.add_argument("--samples", type=int, default=30)
    args = parser.parse_args()

    setup_django(fresh=False)
    from django.db import connection
    from django.test import Client

    from bench.generate_network import generate
    from network.services import reference_data_load

    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.bench"}
    subprocess.run(
        [
            sys.executable,
            "manage.py",
            "migrate_schemas",
            "--noinput",
            "-v",
            "0",
            "--executor=multiprocessing",
        ],
        cwd=ROOT,
        env=env,
        check=True,
    )
    reference_data_load()
    generate(args.cpts, 2026, verbose=False)
    print(f"Campagnes publiées : {publish_campaigns(args.per_cpts, 2026)}", flush=True)
    connection.close()

    client = Client(HTTP_HOST="localhost")
    results: dict = {"cpts": args.cpts, "per_cpts": args.per_cpts, "queries": {}}
    for label, params in QUERIES.items():
        assert client.get("/api/network/campaigns/", params).status_code == 200
        ours = summary(
            [timed(lambda p=params: client.get("/api/network/campaigns/", p)) for _ in range(args.samples)]
        )
        naive = summary([timed(lambda p=params: naive_listing(p)) for _ in range(3)])
        connection.set_schema_to_public()
        results["queries"][label] = {
            "api": ours,
            "naive_loop": naive,
            "ratio": naive["median"] / ours["median"],
        }
        print(line(f"API {label}", ours))
        print(
            line(f"boucle {label}", naive) + f"   ratio {naive['median'] / ours['median']:.0f}×", flush=True
        )
    out = ROOT / "bench" / "results"
    out.mkdir(exist_ok=True)
    (out / "campaigns.json").write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
