"""Visitors keep being served, each the right site, while a migration runs over the network.

    python bench/generate_network.py --cpts 1000 --fresh      # once
    python bench/bench_migrate_under_load.py [--workers 2] [--clients 4]

gunicorn serves config.settings.bench (the generated network, cpts_bench)
while ``migrate_network`` applies bench.benchapp's migration to every CPTS,
then unapplies it. Meanwhile ``--clients`` threads ask random CPTS hosts for
their home page and their offers API, and check each answer: a 200, and the
page of the CPTS that was asked for (its name in it), never another's. The
counts are printed per phase; any failure or wrong page exits non-zero.
benchapp's migration is left unapplied, as it was found (the bench's own).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import ROOT  # noqa: E402
from bench.served import NETWORK_PORT, get, hosts, start  # noqa: E402

PATHS = ("/", "/api/v2/pages/?type=content.InternshipOfferPage&fields=discipline")


def expected_name(host: str) -> bytes:
    """The generated CPTS of ``cpts-0042.localhost`` is « CPTS synthétique 0042 »."""
    return f"CPTS synthétique {host.split('.')[0].removeprefix('cpts-')}".encode()


class Visitors:
    """Threads asking random hosts, counting answers by phase until stopped."""

    def __init__(self, all_hosts: list[str], clients: int) -> None:
        self.hosts = all_hosts
        self.phase = "avant"
        self.counts: Counter = Counter()
        self.failures: list[str] = []
        self.stopped = threading.Event()
        self.threads = [threading.Thread(target=self._visit, args=(n,)) for n in range(clients)]

    def _visit(self, n: int) -> None:
        rng = random.Random(n)
        while not self.stopped.is_set():
            host, path = rng.choice(self.hosts), rng.choice(PATHS)
            phase = self.phase
            try:
                status, body = get(host, path)
            except OSError as error:
                status, body = 0, str(error).encode()
            if status != 200:
                outcome = "échec"
                self.failures.append(f"{phase} {host}{path} : {status} {body[:120]!r}")
            elif path == "/" and expected_name(host) not in body:
                outcome = "mauvaise page"
                self.failures.append(f"{phase} {host}{path} : page d'une autre CPTS")
            else:
                outcome = "ok"
            self.counts[(phase, outcome)] += 1

    def __enter__(self) -> Visitors:
        for thread in self.threads:
            thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.stopped.set()
        for thread in self.threads:
            thread.join()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--clients", type=int, default=4)
    args = parser.parse_args()
    all_hosts = hosts()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.bench",
        "BENCH_DATABASE_NAME": "cpts_bench",
    }

    def migrate_network(*target: str) -> float:
        started = time.perf_counter()
        subprocess.run(  # noqa: S603
            [sys.executable, "manage.py", "migrate_network", "benchapp", *target, "-v", "0"],
            cwd=ROOT,
            env=env,
            check=True,
            stdout=subprocess.DEVNULL,
        )
        return time.perf_counter() - started

    migrate_network("zero")  # the bench's own migration starts unapplied
    server = start("config.settings.bench", args.workers, "cpts_bench")
    results: dict = {
        "cpts": len(all_hosts),
        "workers": args.workers,
        "clients": args.clients,
        "port": NETWORK_PORT,
    }
    try:
        with Visitors(all_hosts, args.clients) as visitors:
            time.sleep(5)
            visitors.phase = "migration"
            results["apply_s"] = migrate_network()
            visitors.phase = "retour arrière"
            results["unapply_s"] = migrate_network("zero")
            visitors.phase = "après"
            time.sleep(5)
    finally:
        server.terminate()
        server.wait()
    results["answers"] = {
        f"{phase} / {outcome}": n for (phase, outcome), n in sorted(visitors.counts.items())
    }
    results["failures"] = visitors.failures[:50]
    print(f"{len(all_hosts)} CPTS, {args.clients} visiteurs, {args.workers} workers")
    print(
        f"  migrate_network benchapp : {results['apply_s']:.0f} s, puis zero : {results['unapply_s']:.0f} s"
    )
    for label, n in results["answers"].items():
        print(f"  {label:<32} {n}")
    out = ROOT / "bench" / "results"
    out.mkdir(exist_ok=True)
    (out / "migrate_under_load.json").write_text(json.dumps(results, indent=2, ensure_ascii=False))
    if visitors.failures:
        for failure in visitors.failures[:20]:
            print(f"  ÉCHEC {failure}", file=sys.stderr)
        sys.exit(f"{len(visitors.failures)} réponses en échec ou d'une autre CPTS pendant la migration.")


if __name__ == "__main__":
    main()
