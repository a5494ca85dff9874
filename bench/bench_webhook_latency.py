"""From a page published to its webhook received, through the task worker, against the scheduler alone.

    python bench/bench_webhook_latency.py [--publishes 100] [--interval 0.5]

Its own database (``cpts_bench_webhooks``, recreated each run) with one CPTS
whose webhook points at a receiver on 127.0.0.1. Each publish commits, as an
editor's save does; the time measured is from the commit to the receiver
reading the POST. Two ways, in the same run:

  * worker: ``manage.py task_worker --interval <s>`` running beside it
    (production: the publish enqueues a task that posts the delivery);
  * baseline, scheduler only: no worker; ``manage.py periodic_jobs`` every
    minute, as the systemd timer would (emulated here by running its webhook
    job once a minute), so a delivery waits up to a minute.

Refuses to print a ratio when any delivery was lost or failed.
"""

import argparse
import os
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import ROOT, line, refuse_ratio, setup_django, summary  # noqa: E402

RECEIVED: dict[str, float] = {}


class Receiver(BaseHTTPRequestHandler):
    def do_POST(self):  # noqa: N802 - http.server's name
        import json

        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        RECEIVED[body["page"]["title"]] = time.perf_counter()
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args):
        pass


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--publishes", type=int, default=100)
    parser.add_argument("--interval", type=float, default=0.5, help="the worker's polling interval")
    parser.add_argument("--baseline-publishes", type=int, default=5)
    args = parser.parse_args()

    os.environ["CPTS_TASK_WORKER"] = "1"
    os.environ["CPTS_WEBHOOK_ALLOWED_NETWORKS"] = "127.0.0.0/8"
    setup_django(fresh=True, database="cpts_bench_webhooks")
    from django.core.management import call_command
    from django.db import transaction
    from django_tenants.utils import schema_context

    from content.models import HomePage, WebhookEndpoint
    from content.services import standard_page_publish
    from network.services import reference_data_load
    from tenants.services import cpts_create

    print("Préparation : schéma public, référentiel, une CPTS…", flush=True)
    call_command("migrate_schemas", interactive=False, verbosity=0)
    reference_data_load()
    cpts = cpts_create(
        name="CPTS fictive du banc",
        short_name="banc",
        region_code="44",
        department_code="57",
        coordinator_email="coord@banc.test",
    ).cpts
    server = ThreadingHTTPServer(("127.0.0.1", 0), Receiver)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    with schema_context(cpts.schema_name):
        WebhookEndpoint.objects.create(
            name="Banc", url=f"http://127.0.0.1:{server.server_port}/hook", events=["page.published"]
        )

    def publish(title: str) -> float:
        with schema_context(cpts.schema_name), transaction.atomic():
            standard_page_publish(parent=HomePage.objects.get(), title=title, body="<p>x</p>")
        return time.perf_counter()  # the editor's save has committed

    def wait(titles: dict[str, float], seconds: float) -> tuple[list[float], int]:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline and not set(titles) <= set(RECEIVED):
            time.sleep(0.02)
        latencies = [RECEIVED[t] - at for t, at in titles.items() if t in RECEIVED]
        return latencies, len(titles) - len(latencies)

    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.bench"}
    worker = subprocess.Popen(  # noqa: S603 - the project's own manage.py
        [sys.executable, "manage.py", "task_worker", "--interval", str(args.interval)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
    )
    try:
        time.sleep(3)  # the worker's start (Django, then its first poll)
        sent = {}
        for n in range(args.publishes):
            title = f"Publication {n}"
            sent[title] = publish(title)
            time.sleep(0.05)
        worker_latencies, worker_lost = wait(sent, 60)
    finally:
        worker.terminate()
        worker.wait(30)

    # Baseline: no worker; the scheduler's webhook job once a minute, as a systemd timer runs it.
    # Publishes spread over the minute between two runs of the timer.
    baseline_sent = {}
    for n in range(args.baseline_publishes):
        title = f"Sans worker {n}"
        baseline_sent[title] = publish(title)
        time.sleep(60 / args.baseline_publishes)
    subprocess.run(  # noqa: S603 - the project's own manage.py
        [sys.executable, "manage.py", "periodic_jobs", "--job", "webhooks", "--force"],
        cwd=ROOT,
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
    )
    baseline_latencies, baseline_lost = wait(baseline_sent, 10)
    server.shutdown()

    refuse_ratio(
        {
            "worker": {"errors": worker_lost},
            "scheduler": {"errors": baseline_lost},
        }
    )
    worker_stats, baseline_stats = summary(worker_latencies), summary(baseline_latencies)
    print(f"Publication → webhook reçu ({args.publishes} publications, worker à {args.interval} s) :")
    print(line("worker", worker_stats))
    print(
        line("planificateur seul", baseline_stats), f"({args.baseline_publishes} publications sur une minute)"
    )
    print(f"  rapport des médianes     {baseline_stats['median'] / worker_stats['median']:.0f}× plus rapide")


if __name__ == "__main__":
    main()
