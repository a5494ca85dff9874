"""A production server carrying the 1,000-CPTS network, against a single-site Wagtail.

    apt-get install wrk
    python bench/generate_network.py --cpts 1000 --fresh      # once
    python bench/bench_site_api.py --prepare single           # once: the single-site baseline
    python bench/bench_network_load.py [--seconds 10] [--workers 2]

gunicorn (sync workers) serves config.settings.bench. wrk sends each request
to a random CPTS host among all of them (bench/wrk_hosts.lua), so caches and
connections see the whole network, not one site. The single-site Wagtail
(config.settings.single_site) serves its home page under the same server
settings in the same run: the ratio compares the home pages. The network's
own endpoints (coverage, campaigns, internship search) are measured under
the same server. Finally one worker alone serves every CPTS once, and its
memory is read before and after.
"""

import argparse
import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import ROOT, refuse_ratio, wrk_failures  # noqa: E402

PORT = 8097
LUA = ROOT / "bench" / "wrk_hosts.lua"
CPTS_PATHS = {
    "accueil d'une CPTS (HTML)": "/",
    "offres d'une CPTS (API)": "/api/v2/pages/?type=content.InternshipOfferPage&fields=discipline,start_date",
    "page Stages d'une CPTS (HTML)": "/stages/",
}
NETWORK_PATHS = {
    "couverture nationale": "/api/network/coverage/",
    "campagnes, page 1": "/api/network/campaigns/",
    "recherche de stages « kine »": "/api/network/internships/?q=kine",
    "page de recherche (HTML)": "/stages/?q=medecine+generale&housing=true",
}


def start(settings: str, workers: int, database: str, extra_env: dict | None = None) -> subprocess.Popen:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": settings,
        "BENCH_DATABASE_NAME": database,
        "CONN_MAX_AGE": os.environ.get("CONN_MAX_AGE", "60"),
        **(extra_env or {}),
    }
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "config.wsgi", "-b", f"127.0.0.1:{PORT}", "-w", str(workers)]
        + ["--log-level", "warning", "--max-requests", "0"],
        cwd=ROOT,
        env=env,
    )
    for _ in range(240):
        try:
            if get("localhost", "/")[0] in (200, 404):
                return server
        except OSError:
            pass
        time.sleep(0.5)
    server.terminate()
    raise RuntimeError("server did not start")


def get(host: str, path: str) -> tuple[int, bytes]:
    import http.client

    connection = http.client.HTTPConnection("127.0.0.1", PORT, timeout=30)
    connection.request("GET", path, headers={"Host": host})
    response = connection.getresponse()
    return response.status, response.read()


def wrk(path: str, seconds: int, host: str | None = None) -> dict:
    command = ["wrk", "-t", "2", "-c", "8", "-d", f"{seconds}s", "--latency"]
    command += ["-s", str(LUA)] if host is None else ["-H", f"Host: {host}"]
    output = subprocess.run(
        [*command, f"http://127.0.0.1:{PORT}{path}"], capture_output=True, text=True, check=True, cwd=ROOT
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


def _ms(match) -> float:
    value, unit = float(match.group(1)), match.group(2)
    return {"us": value / 1000, "ms": value, "s": value * 1000}[unit]


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS")


def worker_pids(server: subprocess.Popen) -> list[int]:
    children = Path(f"/proc/{server.pid}/task/{server.pid}/children").read_text().split()
    return [int(pid) for pid in children]


def hosts() -> list[str]:
    from bench.common import setup_django

    setup_django(fresh=False)
    from tenants.models import Domain

    return sorted(Domain.objects.filter(is_primary=True).values_list("domain", flat=True))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument(
        "--warmup", type=int, default=2, help="seconds of load on every path before measuring it"
    )
    args = parser.parse_args()
    all_hosts = hosts()
    if not all_hosts:
        sys.exit(
            "Aucune CPTS dans cpts_bench : lancez d'abord "
            "python bench/generate_network.py --cpts 1000 --fresh"
        )
    (ROOT / "bench" / "results").mkdir(exist_ok=True)
    hosts_file = ROOT / "bench" / "results" / "hosts.txt"
    hosts_file.write_text("\n".join(all_hosts) + "\n")
    results: dict = {
        "cpts": len(all_hosts),
        "workers": args.workers,
        "warmup_s": args.warmup,
        "redis": bool(os.environ.get("REDIS_URL")),
        "conn_max_age": os.environ.get("CONN_MAX_AGE", "60"),
        "cpts_paths": {},
        "network_paths": {},
    }

    single = start("config.settings.single_site", args.workers, "cpts_single_site")
    try:
        wrk("/", args.warmup, host="localhost")
        results["single_site_home"] = wrk("/", args.seconds, host="localhost")
    finally:
        single.terminate()
        single.wait()
    print(
        f"  site unique, accueil : {results['single_site_home']['requests_per_second']:.0f} req/s", flush=True
    )

    server = start("config.settings.bench", args.workers, "cpts_bench")
    try:
        for label, path in CPTS_PATHS.items():
            wrk(path, args.warmup)
            results["cpts_paths"][label] = wrk(path, args.seconds)
            r = results["cpts_paths"][label]
            print(
                f"  {label:<32} {r['requests_per_second']:6.0f} req/s  p50 {r['p50_ms']:.0f} ms  "
                f"p99 {r['p99_ms']:.0f} ms  erreurs {r['errors']}",
                flush=True,
            )
        for label, path in NETWORK_PATHS.items():
            wrk(path, args.warmup, host="localhost")
            results["network_paths"][label] = wrk(path, args.seconds, host="localhost")
            r = results["network_paths"][label]
            print(
                f"  {label:<32} {r['requests_per_second']:6.0f} req/s  p50 {r['p50_ms']:.0f} ms  "
                f"p99 {r['p99_ms']:.0f} ms  erreurs {r['errors']}",
                flush=True,
            )
    finally:
        server.terminate()
        server.wait()
    measured = {"site unique, accueil": results["single_site_home"], **results["cpts_paths"]}
    refuse_ratio({**measured, **results["network_paths"]})
    home = results["cpts_paths"]["accueil d'une CPTS (HTML)"]["requests_per_second"]
    results["ratio_home_vs_single_site"] = home / results["single_site_home"]["requests_per_second"]
    print(f"  ratio accueil CPTS / site unique : {results['ratio_home_vs_single_site']:.2f}", flush=True)

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
    suffix = f"_redis{'_warm' if args.warmup > 2 else ''}" if results["redis"] else ""
    (ROOT / "bench" / "results" / f"network_load{suffix}.json").write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
