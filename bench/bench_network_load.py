"""A production server carrying the 1,000-CPTS network, against a single-site Wagtail.

    apt-get install wrk
    python bench/generate_network.py --cpts 1000 --fresh      # once
    python bench/bench_site_api.py --prepare single           # once: the single-site baseline
    python bench/bench_network_load.py [--seconds 10] [--rounds 4] [--workers 2] [--one-cpts]

gunicorn (sync workers) serves config.settings.bench. wrk sends each request
to a random CPTS host among all of them (bench/wrk_hosts.lua), so caches and
connections see the whole network, not one site; the single site is loaded
through the same script with its one host, so that wrk, which shares the
machine's cores with the server, does the same work per request on both
sides. The single-site Wagtail
(config.settings.single_site), filled like one generated CPTS, serves the
same three paths under the same server settings, from its own server started
beside the network's: each path is measured in ``--rounds`` alternating turns
(single site then network, network then single site, ...), so a machine
whose speed drifts during the run weighs on both sides alike. Each ratio
compares a path's mean throughput with its single-site equivalent's; the
ratio of each round is printed too, to show the spread. ``--one-cpts`` adds a
third side to the same rounds, the network with every request on one CPTS
host: what choosing a schema by Host costs without the spread over 1,000
sites. The private memory of the PostgreSQL backends serving the workers is
read after the spread load, against a fresh backend's. The network's own
endpoints (coverage, campaigns, internship search) are measured under the
same server. Finally one worker alone serves every CPTS once, and its memory
is read before and after. ``--visit-every-cpts-first`` asks each path of every
CPTS before measuring it, again until each worker has served it (the worker
that answered is named by config.settings.bench): every backend has then met
every schema, as in a server whose connections keep every schema they meet
(CPTS_CONNECTION_MAX_SCHEMAS=1000) and outlive the run (CONN_MAX_AGE=3600).

The product's settings come from the environment as in production:
REDIS_URL (then answers are kept, CPTS_RESPONSE_CACHE_SECONDS=3600),
CPTS_CONNECTION_MAX_SCHEMAS (10); set CPTS_RESPONSE_CACHE_SECONDS=0 and
CPTS_CONNECTION_MAX_SCHEMAS=0 to measure the server as it was before either.
"""

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import ROOT, refuse_ratio, wrk_failures  # noqa: E402
from bench.served import (  # noqa: E402
    NETWORK_PORT,
    SINGLE_SITE_PORT,
    answer,
    get,
    hosts,
    rss_mb,
    start,
    worker_pids,
)

LUA = ROOT / "bench" / "wrk_hosts.lua"
CPTS_PATHS = {
    "accueil d'une CPTS (HTML)": "/",
    "offres d'une CPTS (API)": "/api/v2/pages/?type=content.InternshipOfferPage&fields=discipline,start_date",
    "page Stages d'une CPTS (HTML)": "/stages/",
}
NETWORK_PATHS = {
    "accueil de la fédération": "/",
    "couverture nationale": "/api/network/coverage/",
    "couverture régionale (Grand Est)": "/api/network/coverage/regions/44/",
    "couverture départementale (Moselle)": "/api/network/coverage/departments/57/",
    "page départementale (Moselle)": "/couverture/57/",
    "agenda du réseau": "/agenda/",
    "actualités du réseau": "/actualites/",
    "campagnes, page 1": "/api/network/campaigns/",
    "recherche de stages « kine »": "/api/network/internships/?q=kine",
    "page de recherche (HTML)": "/stages/?q=medecine+generale&housing=true",
}


def wrk(path: str, seconds: int, hosts_file: Path, port: int = NETWORK_PORT) -> dict:
    """wrk on ``path``, each request to a random host of ``hosts_file`` (one or many: same client work)."""
    command = ["wrk", "-t", "2", "-c", "8", "-d", f"{seconds}s", "--latency", "-s", str(LUA)]
    output = subprocess.run(
        [*command, f"http://127.0.0.1:{port}{path}", "--", str(hosts_file)],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    ).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    p50 = re.search(r"50%\s+([\d.]+)(us|ms|s)", output)
    p99 = re.search(r"99%\s+([\d.]+)(us|ms|s)", output)
    return {
        "requests_per_second": rps,
        "p50_ms": _ms(p50),
        "p99_ms": _ms(p99),
        "errors": wrk_failures(output),
    }


def alternated(path: str, seconds: int, rounds: int, sides: dict[str, tuple[Path, int]]) -> dict[str, dict]:
    """``path`` loaded on each side (hosts file, port) in turn, ``rounds`` times, the order swapped each time.

    Each side's measure: its mean throughput, its median p50 and worst p99,
    the failures of every round, and its throughput round by round.
    """
    per_round = max(1, seconds // rounds)
    runs: dict[str, list[dict]] = {side: [] for side in sides}
    for turn in range(rounds):
        order = list(sides) if turn % 2 == 0 else list(reversed(sides))
        for side in order:
            hosts_file, port = sides[side]
            runs[side].append(wrk(path, per_round, hosts_file, port))
    return {
        side: {
            "requests_per_second": statistics.mean(r["requests_per_second"] for r in done),
            "p50_ms": statistics.median(r["p50_ms"] for r in done),
            "p99_ms": max(r["p99_ms"] for r in done),
            "errors": sum(r["errors"] for r in done),
            "rounds": [r["requests_per_second"] for r in done],
        }
        for side, done in runs.items()
    }


def _ms(match) -> float:
    value, unit = float(match.group(1)), match.group(2)
    return {"us": value / 1000, "ms": value, "s": value * 1000}[unit]


def visit_every_cpts(all_hosts: list[str], path: str, workers: int, clients: int = 8) -> dict:
    """``path`` asked of every CPTS by ``clients`` threads, again until each of the ``workers`` has served it.

    Each gunicorn worker has its own database connection, whose backend keeps the
    catalog of the schemas it has met; which worker accepts a request is the
    kernel's choice, so one pass warms about one worker in ``workers`` per CPTS.
    The worker comes from the ``X-Bench-Worker`` header (config.settings.bench).
    """
    from concurrent.futures import ThreadPoolExecutor

    from bench.benchapp.middleware import WORKER_HEADER

    def visit(host: str) -> tuple[str, int, str | None]:
        status, _, headers = answer(host, path)
        return host, status, headers.get(WORKER_HEADER)

    served_by: dict[str, set[str]] = {host: set() for host in all_hosts}
    pending, requests, errors = list(all_hosts), 0, 0
    started = time.perf_counter()
    for _ in range(16):
        with ThreadPoolExecutor(clients) as pool:
            for host, status, worker in pool.map(visit, pending):
                requests += 1
                errors += status != 200
                if worker:
                    served_by[host].add(worker)
        pending = [host for host, seen in served_by.items() if len(seen) < workers]
        if not pending:
            break
    elapsed = time.perf_counter() - started
    return {
        "requests_per_second": requests / elapsed,
        "requests": requests,
        "errors": errors,
        "cpts_served_by_every_worker": len(all_hosts) - len(pending),
    }


def backends_memory(database: str, host: str) -> dict:
    """Private memory (RssAnon, KiB) of the backends serving ``database``, and of a fresh one.

    The fresh backend is a new session that has served one CPTS home page
    (in this process, through Django's test client): the catalog of one
    schema, as a worker's first request leaves it.
    """
    from django.db import connection
    from django.test import Client
    from django.test.utils import override_settings

    def private_kib(pid: int) -> int:
        status = Path(f"/proc/{pid}/status").read_text()
        return int(next(line.split()[1] for line in status.splitlines() if line.startswith("RssAnon:")))

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pid FROM pg_stat_activity WHERE datname = %s AND backend_type = 'client backend' "
            "AND pid <> pg_backend_pid()",
            [database],
        )
        serving = [private_kib(pid) for (pid,) in cursor.fetchall()]
    connection.close()
    with override_settings(CPTS_RESPONSE_CACHE_SECONDS=0):
        assert Client().get("/", HTTP_HOST=host).status_code == 200
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        fresh = private_kib(cursor.fetchone()[0])
    connection.close()
    return {"serving_kib": sorted(serving), "fresh_kib": fresh}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument(
        "--rounds", type=int, default=4, help="alternating turns of each side per path, --seconds in all"
    )
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument(
        "--warmup", type=int, default=2, help="seconds of load on every path before measuring it"
    )
    parser.add_argument(
        "--visit-every-cpts-first",
        action="store_true",
        help="ask each path of every CPTS until every worker has served it, before measuring it",
    )
    parser.add_argument(
        "--one-cpts",
        action="store_true",
        help="a third side: the network with every request on one CPTS host (routing without the spread)",
    )
    args = parser.parse_args()
    all_hosts = hosts()
    (ROOT / "bench" / "results").mkdir(exist_ok=True)
    hosts_file = ROOT / "bench" / "results" / "hosts.txt"
    hosts_file.write_text("\n".join(all_hosts) + "\n")
    one_host_file = ROOT / "bench" / "results" / "one-host.txt"
    one_host_file.write_text("localhost\n")
    results: dict = {
        "cpts": len(all_hosts),
        "workers": args.workers,
        "warmup_s": args.warmup,
        "rounds": args.rounds,
        "redis": bool(os.environ.get("REDIS_URL")),
        "conn_max_age": os.environ.get("CONN_MAX_AGE", "60"),
        "cpts_paths": {},
        "network_paths": {},
    }

    results["settings"] = {
        name: os.environ.get(name, "(défaut)")
        for name in ("CPTS_RESPONSE_CACHE_SECONDS", "CPTS_CONNECTION_MAX_SCHEMAS")
    }
    results["single_site"] = {}
    sides = {"single_site": (one_host_file, SINGLE_SITE_PORT), "network": (hosts_file, NETWORK_PORT)}
    if args.one_cpts:
        one_cpts_file = ROOT / "bench" / "results" / "one-cpts.txt"
        one_cpts_file.write_text(all_hosts[0] + "\n")
        sides["one_cpts"] = (one_cpts_file, NETWORK_PORT)
        results["one_cpts"] = {}
    servers = [start("config.settings.single_site", args.workers, "cpts_single_site", SINGLE_SITE_PORT)]
    try:
        servers.append(start("config.settings.bench", args.workers, "cpts_bench"))
        for label, path in CPTS_PATHS.items():
            if get("localhost", path, SINGLE_SITE_PORT)[0] != 200:
                sys.exit(
                    f"Le site unique ne sert pas {path} : relancez bench/bench_site_api.py --prepare single."
                )
            if args.visit_every_cpts_first:
                first = visit_every_cpts(all_hosts, path, args.workers)
                results.setdefault("first_visits", {})[label] = first
                print(
                    f"  chaque CPTS vue par chaque worker, {label} : "
                    f"{first['cpts_served_by_every_worker']} CPTS, "
                    f"{first['requests']} requêtes, {first['requests_per_second']:.0f} req/s, "
                    f"erreurs {first['errors']}",
                    flush=True,
                )
            for hosts_of_side, port in sides.values():
                wrk(path, args.warmup, hosts_of_side, port)
            measured = alternated(path, args.seconds, args.rounds, sides)
            results["single_site"][label] = s = measured["single_site"]
            results["cpts_paths"][label] = r = measured["network"]
            if args.one_cpts:
                results["one_cpts"][label] = one = measured["one_cpts"]
                print(
                    f"  {label:<32} une seule CPTS : {one['requests_per_second']:6.0f} req/s  "
                    f"erreurs {one['errors']}",
                    flush=True,
                )
            print(
                f"  {label:<32} {r['requests_per_second']:6.0f} req/s  p50 {r['p50_ms']:.0f} ms  "
                f"p99 {r['p99_ms']:.0f} ms  erreurs {r['errors']}  |  site unique "
                f"{s['requests_per_second']:6.0f} req/s  erreurs {s['errors']}",
                flush=True,
            )
        results["backends"] = backends_memory("cpts_bench", all_hosts[0])
        b = results["backends"]
        print(
            f"  mémoire privée des serveurs PostgreSQL après la charge répartie : "
            f"{', '.join(f'{kib / 1024:.1f}' for kib in b['serving_kib'])} Mo, "
            f"neuf {b['fresh_kib'] / 1024:.1f} Mo",
            flush=True,
        )
        for label, path in NETWORK_PATHS.items():
            wrk(path, args.warmup, one_host_file)
            results["network_paths"][label] = wrk(path, args.seconds, one_host_file)
            r = results["network_paths"][label]
            print(
                f"  {label:<32} {r['requests_per_second']:6.0f} req/s  p50 {r['p50_ms']:.0f} ms  "
                f"p99 {r['p99_ms']:.0f} ms  erreurs {r['errors']}",
                flush=True,
            )
    finally:
        # The single site's server too when the network's failed to start.
        for process in servers:
            process.terminate()
            process.wait()
    single_site = {f"site unique, {label}": m for label, m in results["single_site"].items()}
    first_visits = {f"première visite, {label}": m for label, m in results.get("first_visits", {}).items()}
    one_cpts = {f"une seule CPTS, {label}": m for label, m in results.get("one_cpts", {}).items()}
    refuse_ratio(
        {**single_site, **first_visits, **one_cpts, **results["cpts_paths"], **results["network_paths"]}
    )
    results["ratios"] = {}
    for label, measure in results["cpts_paths"].items():
        ratio = measure["requests_per_second"] / results["single_site"][label]["requests_per_second"]
        results["ratios"][label] = ratio
        single_rounds = results["single_site"][label]["rounds"]
        by_round = [f"{n / one:.2f}" for n, one in zip(measure["rounds"], single_rounds, strict=True)]
        print(f"  ratio {label} / site unique : {ratio:.2f} (par tour : {', '.join(by_round)})", flush=True)
        if args.one_cpts:
            one = results["one_cpts"][label]["requests_per_second"]
            one_ratio = one / results["single_site"][label]["requests_per_second"]
            results["ratios"][f"{label}, une seule CPTS"] = one_ratio
            print(f"  ratio {label}, une seule CPTS / site unique : {one_ratio:.2f}", flush=True)

    # One worker alone, every CPTS once: its memory before and after.
    server = start("config.settings.bench", 1, "cpts_bench")
    try:
        get(all_hosts[0], "/")
        (worker,) = worker_pids(server)
        before = rss_mb(worker)
        started = time.perf_counter()
        for host in all_hosts:
            for path in ("/", CPTS_PATHS["offres d'une CPTS (API)"]):
                status, _ = get(host, path)
                assert status == 200, (host, path, status)
        elapsed = time.perf_counter() - started
        after = rss_mb(worker)
    finally:
        server.terminate()
        server.wait()
    results["one_worker"] = {
        "rss_after_first_request_mb": before,
        "rss_after_every_cpts_mb": after,
        "pass_seconds": elapsed,
    }
    print(
        f"  un worker : {before:.0f} Mo après une requête, {after:.0f} Mo après les {len(all_hosts)} CPTS "
        f"({elapsed:.0f} s)",
        flush=True,
    )
    suffix = "_redis" if results["redis"] else ""
    if os.environ.get("CPTS_RESPONSE_CACHE_SECONDS") == "0":
        suffix += "_before"
    (ROOT / "bench" / "results" / f"network_load{suffix}.json").write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
