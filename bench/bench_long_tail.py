"""Real traffic on 1,000 CPTS: a steady rate, most sites rarely visited, measured as visitors wait.

    python bench/generate_network.py --cpts 1000 --fresh      # once
    redis-cli -n 5 dbsize                                       # must answer 0: the bench fills it
    REDIS_URL=redis://127.0.0.1:6379/5 python bench/bench_long_tail.py [--rate 50] [--seconds 300] \\
        [--ttl 300,3600] [--workers 4] [--traffic cpts|search] [--engine postgresql|elasticsearch]

Open loop, as visitors arrive: requests leave at a steady mean rate
(``--rate``, Poisson arrivals, seeded) whether or not earlier ones have been
answered, and each one's latency runs from the moment it was due, so a
server that falls behind shows it in the latency rather than being asked
less (which a closed-loop tool such as wrk does).

``--traffic cpts``: each request goes to a CPTS chosen by Zipf-like
popularity (exponent ``--zipf``, 1.0: the 10th most visited site gets a
tenth of the first's visits), then to one of its pages: its home page, its
Stages page, its offers API, one of its offer pages or campaign pages (their
addresses are read from the network's copies, never from each schema).
``--traffic search``: the students' search on the federation's host, a mix
of the queries students type (words, a department, a level, a typo, the
first pages) drawn from a seeded list. ``--engine elasticsearch`` answers it
from the cluster ELASTICSEARCH_URL names, in an index of the bench's own
(prefix ``cpts-bench-``), or without it from an osmem-server (in-memory,
OpenSearch-compatible, as the tests use) that the bench starts and fills
from the network's listing, then stops.

Each value of ``--ttl`` (``CPTS_RESPONSE_CACHE_SECONDS``) runs with a server
of its own and the Redis database emptied first, as after a deployment: the
first is the baseline of the same run (300 s, the setting before this
benchmark). Reported per run: p50, p95 and p99 latency over the whole run
and over its last third, the share of kept answers (the servers say
``X-Cache: hit``, ``config.settings.bench``), failures, and Redis' memory.

The Redis database must be empty when the run starts (the bench refuses
otherwise, and names it): it is then emptied between runs and at the end,
never holding anything the bench did not put there. Results go to
``bench/results/long_tail.json``.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import ROOT  # noqa: E402
from bench.served import NETWORK_PORT, hosts, start  # noqa: E402

PAGE_MIX = {"home": 0.40, "stages": 0.15, "offers_api": 0.10, "offer": 0.25, "campaign": 0.10}
FIXED_PATHS = {
    "home": "/",
    "stages": "/stages/",
    "offers_api": "/api/v2/pages/?type=content.InternshipOfferPage&fields=discipline,start_date",
}
SEARCH_WORDS = [
    "",
    "kine",
    "kinesitherapie",
    "medecine generale",
    "infirmier",
    "sage-femme",
    "pharmacie",
    "pharmacei",
    "orthophonie",
    "dentaire",
    "podologie",
    "psychomotricien",
    "dieteticien",
    "medcine",
]
SEARCH_FILTERS = [
    "",
    "department=57",
    "department=54",
    "region=44",
    "housing=true",
    "level=intern",
    "sort=start",
    "page=2",
    "region=84",
    "department=67",
]


def cpts_urls(all_hosts: list[str]) -> dict[str, dict[str, list[str]]]:
    """Each CPTS host's offer and campaign pages, from the network's copies (public tables)."""
    from network.prevention import NetworkCampaign
    from search.models import InternshipListing

    pages: dict[str, dict[str, list[str]]] = {host: {"offer": [], "campaign": []} for host in all_hosts}
    for kind, rows in (
        ("offer", InternshipListing.objects.values_list("url", flat=True)),
        ("campaign", NetworkCampaign.objects.values_list("url", flat=True)),
    ):
        for url in rows:
            parts = urlsplit(url)
            if parts.hostname in pages and parts.path:
                pages[parts.hostname][kind].append(parts.path)
    return pages


def cpts_traffic(all_hosts: list[str], count: int, zipf: float, seed: int) -> list[tuple[str, str, str]]:
    """``count`` (host, path, kind) requests: hosts by Zipf-like popularity, pages by PAGE_MIX."""
    rng = random.Random(seed)
    ranked = all_hosts[:]
    rng.shuffle(ranked)
    weights = [1 / (rank**zipf) for rank in range(1, len(ranked) + 1)]
    pages = cpts_urls(all_hosts)
    kinds, shares = list(PAGE_MIX), list(PAGE_MIX.values())
    traffic = []
    for host in rng.choices(ranked, weights, k=count):
        kind = rng.choices(kinds, shares)[0]
        if kind in FIXED_PATHS:
            traffic.append((host, FIXED_PATHS[kind], kind))
        elif pages[host][kind]:
            traffic.append((host, rng.choice(pages[host][kind]), kind))
        else:
            traffic.append((host, "/", "home"))
    return traffic


def search_traffic(count: int, seed: int) -> list[tuple[str, str, str]]:
    """``count`` students' searches by Zipf-like popularity, half through the page, half the API."""
    rng = random.Random(seed)
    queries = [
        "&".join(part for part in (f"q={word.replace(' ', '+')}" if word else "", filters) if part)
        for word in SEARCH_WORDS
        for filters in SEARCH_FILTERS
    ]
    rng.shuffle(queries)
    weights = [1 / rank for rank in range(1, len(queries) + 1)]
    traffic = []
    for query in rng.choices(queries, weights, k=count):
        if rng.random() < 0.5:
            traffic.append(("localhost", f"/stages/?{query}", "search_page"))
        else:
            traffic.append(("localhost", f"/api/network/internships/?{query}", "search_api"))
    return traffic


async def one_request(host: str, path: str, port: int) -> tuple[int, bool]:
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    try:
        writer.write(f"GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n".encode())
        await writer.drain()
        head = await reader.readuntil(b"\r\n\r\n")
        await reader.read()
    finally:
        writer.close()
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    hit = any(line.lower().startswith("x-cache:") and "hit" in line.lower() for line in lines[1:])
    return status, hit


async def open_loop(traffic: list[tuple[str, str, str]], rate: float, port: int, seed: int) -> list[dict]:
    """``traffic`` sent at Poisson arrivals of mean ``rate``/s; latency counts from each one's due time."""
    rng = random.Random(seed + 1)
    loop = asyncio.get_running_loop()
    began = loop.time()
    due, tasks = 0.0, []

    async def timed(host: str, path: str, kind: str, at: float) -> dict:
        try:
            status, hit = await asyncio.wait_for(one_request(host, path, port), 60)
        except (OSError, TimeoutError, ValueError, asyncio.IncompleteReadError) as error:
            status, hit = 0, False
            kind = f"{kind} ({type(error).__name__})"
        return {"kind": kind, "status": status, "hit": hit, "at": at, "ms": (loop.time() - began - at) * 1000}

    for host, path, kind in traffic:
        due += rng.expovariate(rate)
        delay = began + due - loop.time()
        if delay > 0:
            await asyncio.sleep(delay)
        tasks.append(asyncio.create_task(timed(host, path, kind, due)))
    return await asyncio.gather(*tasks)


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def summarise(samples: list[dict], seconds: float) -> dict:
    answered = [s for s in samples if s["status"] == 200]
    failures = [s for s in samples if s["status"] != 200]
    last_third = [s for s in answered if s["at"] >= seconds * 2 / 3]

    def latency(rows: list[dict]) -> dict:
        values = [row["ms"] for row in rows]
        if not values:
            return {}
        return {
            "p50_ms": round(statistics.median(values), 1),
            "p95_ms": round(percentile(values, 0.95), 1),
            "p99_ms": round(percentile(values, 0.99), 1),
            "hit_rate": round(sum(row["hit"] for row in rows) / len(rows), 3),
            "requests": len(rows),
        }

    return {
        "all": latency(answered),
        "last_third": latency(last_third),
        "by_kind": {
            kind: latency([s for s in answered if s["kind"] == kind])
            for kind in {s["kind"] for s in answered}
        },
        "failures": len(failures),
        "failure_examples": [f"{s['kind']} → {s['status']}" for s in failures[:5]],
    }


def elasticsearch_started():
    """The engine, filled from the network's listing by the project's own rebuild; the servers use it.

    With ELASTICSEARCH_URL set, the cluster it names, in an index of the bench's own
    (``SEARCH_INDEX_PREFIX=cpts-bench-``: a rebuild replaces only what its alias points at, never
    the install's own index); otherwise an osmem-server the bench starts, and stops.
    """
    import subprocess

    from osmem_server import OsmemServer

    server = None
    if os.environ.get("ELASTICSEARCH_URL"):
        os.environ["SEARCH_INDEX_PREFIX"] = "cpts-bench-"
    else:
        server = OsmemServer.start()
        os.environ.update(ELASTICSEARCH_URL=server.url, BENCH_ELASTICSEARCH_PLAIN_JSON="1")
    began = time.monotonic()
    subprocess.run(  # noqa: S603
        [
            sys.executable,
            "manage.py",
            "shell",
            "-c",
            "from search.services import index_rebuild; index_rebuild()",
        ],
        cwd=ROOT,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.bench"},
        check=True,
    )
    print(f"index Elasticsearch rempli en {time.monotonic() - began:.0f} s", flush=True)
    return server


def redis_client():
    import redis

    url = os.environ.get("REDIS_URL")
    if not url:
        sys.exit("REDIS_URL manque : ce banc mesure les réponses gardées dans Redis (voir sa docstring).")
    return redis.Redis.from_url(url)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rate", type=float, default=50.0, help="requests per second, on average")
    parser.add_argument("--seconds", type=int, default=300)
    parser.add_argument("--ttl", default="300,3600", help="values of CPTS_RESPONSE_CACHE_SECONDS, in turn")
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--zipf", type=float, default=1.0)
    parser.add_argument("--traffic", choices=["cpts", "search"], default="cpts")
    parser.add_argument("--engine", choices=["postgresql", "elasticsearch"], default="postgresql")
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()
    store = redis_client()
    if store.dbsize():
        sys.exit(
            f"La base Redis de REDIS_URL contient déjà {store.dbsize()} clés : ce banc la vide entre deux "
            "tours. Choisissez une base vide (redis://…/5) ou videz-la vous-même."
        )
    # After the check: filling the index renews the listing's version, a key of the bench's own.
    engine = elasticsearch_started() if args.engine == "elasticsearch" else None
    all_hosts = hosts()
    count = int(args.rate * args.seconds)
    if args.traffic == "cpts":
        traffic = cpts_traffic(all_hosts, count, args.zipf, args.seed)
    else:
        traffic = search_traffic(count, args.seed)
    distinct = len({(host, path) for host, path, _ in traffic})
    print(
        f"{count} requêtes, {distinct} adresses distinctes, {args.rate:g} req/s pendant {args.seconds} s",
        flush=True,
    )
    results = {
        "traffic": args.traffic,
        "rate": args.rate,
        "seconds": args.seconds,
        "workers": args.workers,
        "zipf": args.zipf,
        "cpts": len(all_hosts),
        "distinct_addresses": distinct,
        "engine": "elasticsearch" if os.environ.get("ELASTICSEARCH_URL") else "postgresql",
        "runs": {},
    }
    try:
        for ttl in args.ttl.split(","):
            store.flushdb()
            memory_before = store.info("memory")["used_memory"]
            os.environ["CPTS_RESPONSE_CACHE_SECONDS"] = ttl
            server = start("config.settings.bench", args.workers, "cpts_bench")
            try:
                began = time.monotonic()
                samples = asyncio.run(open_loop(traffic, args.rate, NETWORK_PORT, args.seed))
                elapsed = time.monotonic() - began
            finally:
                server.terminate()
                server.wait()
            run = summarise(samples, args.seconds)
            run["elapsed_s"] = round(elapsed, 1)
            run["redis_keys"] = store.dbsize()
            run["redis_used_mb"] = round((store.info("memory")["used_memory"] - memory_before) / 2**20, 1)
            results["runs"][ttl] = run
            if run["failures"]:
                print(
                    f"  garde {ttl:>6} s : {run['failures']} échecs, dont {run['failure_examples']}",
                    flush=True,
                )
                continue
            whole, last = run["all"], run["last_third"]
            print(
                f"  garde {ttl:>6} s : p50 {whole['p50_ms']} ms, p95 {whole['p95_ms']} ms, "
                f"p99 {whole['p99_ms']} ms, réponses gardées {whole['hit_rate']:.0%} | dernier tiers : "
                f"p95 {last['p95_ms']} ms, gardées {last['hit_rate']:.0%} | échecs {run['failures']} | "
                f"Redis {run['redis_keys']} clés, {run['redis_used_mb']} Mo",
                flush=True,
            )
            for kind, row in sorted(run["by_kind"].items()):
                print(
                    f"      {kind:<12} p50 {row['p50_ms']} ms  p95 {row['p95_ms']} ms  "
                    f"gardées {row['hit_rate']:.0%}"
                )
    finally:
        store.flushdb()
        if engine is not None:
            engine.close()
    (ROOT / "bench" / "results").mkdir(exist_ok=True)
    (ROOT / "bench" / "results" / "long_tail.json").write_text(json.dumps(results, indent=2))
    if any(run["failures"] for run in results["runs"].values()):
        sys.exit(
            "Des réponses ont échoué : aucune latence n'est retenue d'un tour qui en a (voir plus haut)."
        )


if __name__ == "__main__":
    main()
