"""Where a request's time goes when requests are spread over the network's hosts.

    python bench/generate_network.py --cpts 1000 --fresh      # once
    python bench/profile_spread.py [--path /] [--requests 600]

One process, one database connection, Django's test client (the whole
middleware stack, no HTTP server): the same path is requested first on one
CPTS host again and again, then on a different host each time, as a load
balancer spreading visitors over 1,000 sites would. For each run it prints the
time per request, the part of it spent waiting for PostgreSQL, the statements
per request, and the private memory (``RssAnon``) of the PostgreSQL backend
serving the connection. Reads only: nothing is written to the network.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import setup_django  # noqa: E402


def backend_private_kib(connection) -> int:
    """RssAnon of the PostgreSQL backend behind ``connection``: its own heap, catalog caches included."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        pid = cursor.fetchone()[0]
    status = Path(f"/proc/{pid}/status").read_text()
    return int(next(line.split()[1] for line in status.splitlines() if line.startswith("RssAnon:")))


class StatementTimer:
    """An execute wrapper adding up the statements and the time spent in them."""

    def __init__(self) -> None:
        self.count = 0
        self.seconds = 0.0

    def __call__(self, execute, sql, params, many, context):
        start = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            self.seconds += time.perf_counter() - start
            self.count += 1


def run(client, hosts: list[str], path: str) -> dict[str, float]:
    from django.db import connection

    timer = StatementTimer()
    durations = []
    with connection.execute_wrapper(timer):
        for host in hosts:
            start = time.perf_counter()
            response = client.get(path, HTTP_HOST=host)
            durations.append(time.perf_counter() - start)
            if response.status_code != 200:
                sys.exit(f"{host}{path} a répondu {response.status_code} : pas de mesure.")
    n = len(hosts)
    return {
        "ms": statistics.median(durations) * 1000,
        "mean_ms": sum(durations) / n * 1000,
        "db_ms": timer.seconds / n * 1000,
        "statements": timer.count / n,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--path", default="/")
    parser.add_argument("--requests", type=int, default=600)
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()
    setup_django(fresh=False)
    from django.db import connection
    from django.test import Client

    from tenants.models import Domain

    hosts = list(Domain.objects.filter(is_primary=True).values_list("domain", flat=True).order_by("domain"))
    if len(hosts) < 2:
        sys.exit("Pas de réseau : lancez d'abord bench/generate_network.py.")
    rng = random.Random(args.seed)
    client = Client()
    connection.ensure_connection()
    fresh_kib = backend_private_kib(connection)
    one = rng.choice(hosts)
    run(client, [one] * 50, args.path)  # warm-up: this host's caches and catalog
    same = run(client, [one] * args.requests, args.path)
    same_kib = backend_private_kib(connection)
    spread_hosts = [rng.choice(hosts) for _ in range(args.requests)]
    spread = run(client, spread_hosts, args.path)
    spread_kib = backend_private_kib(connection)
    visited = len(set(spread_hosts))
    print(f"{args.path} — {args.requests} requêtes, {len(hosts)} CPTS")
    for label, m in (("un seul hôte", same), (f"réparties ({visited} hôtes)", spread)):
        print(
            f"  {label:<26} médiane {m['ms']:.1f} ms, moyenne {m['mean_ms']:.1f} ms, "
            f"dont PostgreSQL {m['db_ms']:.1f} ms, {m['statements']:.1f} requêtes SQL"
        )
    print(
        f"  mémoire privée du serveur PostgreSQL : neuf {fresh_kib / 1024:.1f} Mo, "
        f"après un hôte {same_kib / 1024:.1f} Mo, après {visited} hôtes {spread_kib / 1024:.1f} Mo "
        f"(+{(spread_kib - same_kib) / max(visited, 1):.0f} Kio par CPTS visitée)"
    )


if __name__ == "__main__":
    main()
