"""The network agenda over 1,000 CPTS × 10 events, against the same agenda of one CPTS, same run.

    python bench/bench_network_agenda.py [--cpts 1000] [--per-cpts 10] [--samples 50]

Uses its own database, ``cpts_bench_agenda``, recreated each run (never the
generated network's ``cpts_bench``). The agenda reads the public copy only, so
the CPTS here are rows without schemas (``bulk_create``); their events are
written by ``network_post_write``, the service a publication calls. Each
query goes through Django's full stack on the federation host: the JSON API,
the HTML page and the iCalendar feed. The baseline is the same queries when
the network holds one CPTS with its 10 events; then the network is filled and
they are measured again. Any answer that is not a 200 stops the run before a
ratio is printed.
"""

import argparse
import datetime
import json
import random
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

QUERIES = {
    "API, page 1": ("/api/network/agenda/", {}),
    "API, Grand Est": ("/api/network/agenda/", {"region": "44"}),
    "API, Moselle, prévention": ("/api/network/agenda/", {"department": "57", "theme": "prevention"}),
    "API, dans 2 mois, page 3": ("/api/network/agenda/", {"start": "+60", "end": "+90", "page": "3"}),
    "page /agenda/": ("/agenda/", {}),
    "iCalendar, Grand Est, écrit": ("/agenda.ics", {"region": "44"}),
    "iCalendar, Grand Est, en cache": ("/agenda.ics", {"region": "44"}),
}
THEMES = ["access_to_care", "care_pathways", "prevention", "health_crises", ""]


def events_write(cpts_list: list, per_cpts: int, rng: random.Random) -> int:
    from django.utils import timezone

    from syndication.models import NetworkPost
    from syndication.services import network_post_write

    now = timezone.now().replace(minute=0, second=0, microsecond=0)
    written = 0
    for cpts in cpts_list:
        for n in range(per_cpts):
            start = now + datetime.timedelta(days=rng.randint(-10, 180), hours=rng.randint(8, 20))
            network_post_write(
                cpts=cpts,
                page_id=n + 1,
                fields={
                    "kind": NetworkPost.Kind.EVENT,
                    "title": f"Réunion pluriprofessionnelle n° {n + 1} (exemple fictif)",
                    "summary": "Événement fictif du banc d'essai de l'agenda.",
                    "body": "<p>Événement fictif du banc d'essai.</p>",
                    "theme": rng.choice(THEMES),
                    "region_code": cpts.region_code,
                    "department_code": cpts.department_code,
                    "date": start.date(),
                    "start": start,
                    "end": start + datetime.timedelta(hours=2),
                    "place": "Salle fictive",
                    "url": f"https://{cpts.short_name}.example.org/agenda/{n + 1}/",
                    "published_by": cpts.name,
                    "first_published_at": now,
                    "last_published_at": now,
                },
            )
            written += 1
    return written


def measure(client, samples: int) -> dict:
    from django.core.cache import cache
    from django.utils import timezone

    today = timezone.localdate()
    measures = {}
    for label, (path, raw) in QUERIES.items():
        params = {
            k: (today + datetime.timedelta(days=int(v))).isoformat() if str(v).startswith("+") else v
            for k, v in raw.items()
        }
        statuses = []

        def get(p=path, q=params, seen=statuses, cold="écrit" in label):
            if cold:  # the feed written again, as after a change of the agenda
                cache.clear()
            seen.append(client.get(p, q).status_code)

        get()  # warm
        times = [timed(get) for _ in range(samples)]
        measures[label] = summary(times) | {"errors": sum(1 for s in statuses if s != 200)}
    return measures


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cpts", type=int, default=1000)
    parser.add_argument("--per-cpts", type=int, default=10)
    parser.add_argument("--samples", type=int, default=50)
    args = parser.parse_args()

    # Its own database, recreated each run: never the generated network's (cpts_bench).
    public_network_prepare("cpts_bench_agenda")
    from django.db import connection
    from django.test import Client

    rng = random.Random(2026)
    client = Client(HTTP_HOST="localhost")

    everyone = cpts_rows(args.cpts, "agenda")
    # The CPTS of the baseline is in Moselle (Grand Est), as the queries ask.
    first = next(c for c in everyone if c.department_code == "57")
    events_write([first], args.per_cpts, rng)
    with connection.cursor() as cursor:
        cursor.execute("VACUUM (ANALYZE) syndication_networkpost")
    baseline = measure(client, args.samples)

    written = events_write([c for c in everyone if c.pk != first.pk], args.per_cpts, rng)
    with connection.cursor() as cursor:
        cursor.execute("VACUUM (ANALYZE) syndication_networkpost")
    network = measure(client, args.samples)
    refuse_ratio({f"{k} (1 CPTS)": v for k, v in baseline.items()} | network)

    print(f"{args.cpts} CPTS, {written + args.per_cpts} événements dans l'agenda du réseau")
    results = {"cpts": args.cpts, "events": written + args.per_cpts, "queries": {}}
    for label in QUERIES:
        ratio = network[label]["median"] / baseline[label]["median"]
        results["queries"][label] = {"one_cpts": baseline[label], "network": network[label], "ratio": ratio}
        print(line(label, network[label]) + f"   1 CPTS {fmt(baseline[label]['median'])}   ratio {ratio:.2f}")
    out = ROOT / "bench" / "results"
    out.mkdir(exist_ok=True)
    (out / "network_agenda.json").write_text(json.dumps(results, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
