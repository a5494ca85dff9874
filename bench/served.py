"""The generated network served as in production, for the benchmarks that load it.

Needs: gunicorn, the generated network (bench/generate_network.py) and, for
``hosts``, Django set up on it. Offers: ``start`` (gunicorn on a port no other
server holds), ``get``/``answer`` (one request with a Host header), the
network's hosts, and the memory of a server's workers.
"""

import os
import subprocess
import sys
import time
from pathlib import Path

from bench.common import ROOT

SINGLE_SITE_PORT = 8096
NETWORK_PORT = 8097


def start(settings: str, workers: int, database: str, port: int = NETWORK_PORT) -> subprocess.Popen:
    """gunicorn serving ``settings`` on ``port``, once it answers; never a server left there before."""
    if port_answers(port):
        sys.exit(
            f"Le port {port} est déjà pris (un banc précédent encore en cours ?) : "
            "ce banc mesurerait un serveur qu'il n'a pas lancé."
        )
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": settings,
        "BENCH_DATABASE_NAME": database,
        "CONN_MAX_AGE": os.environ.get("CONN_MAX_AGE", "60"),
    }
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "config.wsgi", "-b", f"127.0.0.1:{port}", "-w", str(workers)]
        + ["--log-level", "warning", "--max-requests", "0"],
        cwd=ROOT,
        env=env,
    )
    for _ in range(240):
        if server.poll() is not None:
            raise RuntimeError(f"gunicorn s'est arrêté (code {server.returncode}) : voir ci-dessus")
        try:
            if get("localhost", "/", port)[0] in (200, 404):
                return server
        except OSError:
            pass
        time.sleep(0.5)
    server.terminate()
    raise RuntimeError("server did not start")


def port_answers(port: int) -> bool:
    import socket

    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) == 0


def get(host: str, path: str, port: int = NETWORK_PORT) -> tuple[int, bytes]:
    status, body, _ = answer(host, path, port)
    return status, body


def answer(host: str, path: str, port: int = NETWORK_PORT) -> tuple[int, bytes, dict[str, str]]:
    """``path`` asked of ``host``: status, body and headers."""
    import http.client

    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.request("GET", path, headers={"Host": host})
    response = connection.getresponse()
    return response.status, response.read(), dict(response.getheaders())


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS")


def worker_pids(server: subprocess.Popen) -> list[int]:
    children = Path(f"/proc/{server.pid}/task/{server.pid}/children").read_text().split()
    return [int(pid) for pid in children]


def hosts() -> list[str]:
    """The generated network's primary hosts; exits with what to run when there is none."""
    from bench.common import setup_django

    setup_django(fresh=False)
    from tenants.models import Domain

    found = sorted(Domain.objects.filter(is_primary=True).values_list("domain", flat=True))
    if not found:
        sys.exit(
            "Aucune CPTS dans cpts_bench : lancez d'abord "
            "python bench/generate_network.py --cpts 1000 --fresh"
        )
    return found
