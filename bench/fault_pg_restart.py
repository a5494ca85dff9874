"""Scripted check: PostgreSQL restarted under load, and what the users see.

    python bench/fault_pg_restart.py            # needs the machine's PostgreSQL (pg_ctlcluster) and root

Sets up the demo network in its own database on 127.0.0.1:5432, serves it with
gunicorn (2 workers, persistent connections), and runs readers (CPTS pages,
CPTS API, students' search) and a writer (a coordinator publishing offers in
the Wagtail admin) while PostgreSQL is stopped for a few seconds and started
again. It then checks that:
  * during the outage requests failed cleanly (503 with Retry-After, JSON
    under /api/), never hung and never got another error;
  * the server recovered without being restarted;
  * no half-written record: every offer whose publication was confirmed is
    live with its listing, the others left nothing, the page tree is sound and
    the search index shows no drift.
"""

from __future__ import annotations

import datetime
import json
import os
import secrets
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path

import psycopg
import requests

ROOT = Path(__file__).resolve().parent.parent
DB = "cpts_fault_check"
PORT = 8765
BASE = f"http://127.0.0.1:{PORT}"
CLUSTER = sorted(os.listdir("/etc/postgresql"))[-1] if os.path.isdir("/etc/postgresql") else "15"
ENV = {
    **os.environ,
    "DATABASE_URL": f"postgresql://postgres@127.0.0.1:5432/{DB}",
    "DJANGO_SETTINGS_MODULE": "config.settings.production",
    "SECRET_KEY": secrets.token_urlsafe(64),  # a key of this run only
    "ALLOWED_HOSTS": ".localhost,localhost,127.0.0.1",
    "FEDERATION_HOSTS": "localhost",
    "PUBLIC_SCHEME": "http",
    "PUBLIC_PORT": str(PORT),
    "CONN_MAX_AGE": "60",
    "LOG_LEVEL": "ERROR",
}
READS = [
    ("metz.localhost", "/"),
    ("strasbourg.localhost", "/api/v2/pages/"),
    ("luneville.localhost", "/stages/"),
    ("localhost", "/api/network/internships/?q=kine"),
]
PHASES = {"before": (0, 4), "outage": (4, 9), "after": (9, 18)}


def manage(*args: str) -> str:
    done = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=ENV, capture_output=True, text=True, check=False
    )
    if done.returncode:
        raise SystemExit(f"manage.py {' '.join(args)}:\n{done.stderr[-3000:]}")
    return done.stdout


def pg(action: str) -> None:
    subprocess.run(["pg_ctlcluster", "--skip-systemctl-redirect", CLUSTER, "main", action], check=True)


def setup() -> None:
    with psycopg.connect("postgresql://postgres@127.0.0.1:5432/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{DB}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{DB}"')
    manage("migrate_schemas", "--noinput", "-v", "0")
    manage("load_reference_data")
    manage("load_demo_network")
    manage("collectstatic", "--noinput", "-v", "0")


class Load:
    def __init__(self) -> None:
        self.started = time.monotonic()
        self.stop = threading.Event()
        self.events: list[tuple[float, str, int | str, str]] = []
        self.confirmed: list[str] = []
        self.attempted: list[str] = []
        self.lock = threading.Lock()

    def record(self, kind: str, status: int | str, detail: str = "") -> None:
        with self.lock:
            self.events.append((time.monotonic() - self.started, kind, status, detail))

    def reader(self) -> None:
        session = requests.Session()
        i = 0
        while not self.stop.is_set():
            host, path = READS[i % len(READS)]
            i += 1
            try:
                response = session.get(BASE + path, headers={"Host": host}, timeout=10)
                detail = ""
                if response.status_code == 503:
                    ok = response.headers.get("Retry-After") and (
                        not path.startswith("/api/") or response.json()["error"]["code"] == "unavailable"
                    )
                    detail = "clean" if ok else "unclean"
                self.record("read", response.status_code, detail)
            except requests.RequestException as error:
                self.record("read", type(error).__name__)
            time.sleep(0.01)

    def writer(self) -> None:
        session = requests.Session()
        host = {"Host": "metz.localhost"}
        n = 0
        logged_in = False
        while not self.stop.is_set():
            try:
                if not logged_in:
                    session.get(f"{BASE}/admin/login/", headers=host, timeout=10)
                    response = session.post(
                        f"{BASE}/admin/login/",
                        headers={**host, "Referer": "http://metz.localhost/admin/login/"},
                        data={
                            "username": "coordination@metz.demo.cpts.test",
                            "password": "demo-metz-2026",
                            "csrfmiddlewaretoken": session.cookies.get("csrftoken", ""),
                        },
                        allow_redirects=False,
                        timeout=10,
                    )
                    logged_in = response.status_code == 302
                    self.record("login", response.status_code)
                    continue
                index_id = self.index_id(session, host)
                title = f"Stage de résilience {n}"
                n += 1
                start = datetime.date.today() + datetime.timedelta(days=30)
                self.attempted.append(title)
                response = session.post(
                    f"{BASE}/admin/pages/add/content/internshipofferpage/{index_id}/",
                    headers={**host, "Referer": "http://metz.localhost/admin/"},
                    data={
                        "title": title,
                        "slug": f"resilience-{n}",
                        "discipline": "nursing",
                        "level": "year_2",
                        "host_structure": "ehpad",
                        "commune": "57463",
                        "semester": "",
                        "start_date": start.isoformat(),
                        "end_date": (start + datetime.timedelta(days=60)).isoformat(),
                        "places": "1",
                        "apply_email": "resilience@example.test",
                        "action-publish": "action-publish",
                        "csrfmiddlewaretoken": session.cookies.get("csrftoken", ""),
                    },
                    allow_redirects=False,
                    timeout=10,
                )
                if response.status_code == 302:
                    self.confirmed.append(title)
                self.record("write", response.status_code)
            except requests.RequestException as error:
                self.record("write", type(error).__name__)
            time.sleep(0.2)

    _index_id: int | None = None

    def index_id(self, session, host) -> int:
        if self._index_id is None:
            pages = session.get(
                f"{BASE}/api/v2/pages/",
                params={"type": "content.InternshipIndexPage"},
                headers=host,
                timeout=10,
            ).json()
            self._index_id = pages["items"][0]["id"]
        return self._index_id


def integrity_report() -> dict:
    """Run inside the checked install: what the writer's offers left in the CPTS and the network."""
    import django

    sys.path.insert(0, str(ROOT))
    django.setup()
    from django_tenants.utils import schema_context
    from wagtail.models import Page

    from content.models import InternshipOfferPage
    from search.models import InternshipListing

    mine = {"title__startswith": "Stage de résilience"}
    with schema_context("metz"):
        live = sorted(InternshipOfferPage.objects.live().filter(**mine).values_list("title", flat=True))
        problems = [len(found) for found in Page.find_problems()]
        without_revision = InternshipOfferPage.objects.filter(latest_revision__isnull=True).count()
    listed = sorted(InternshipListing.objects.filter(**mine).values_list("title", flat=True))
    return {"live": live, "listed": listed, "tree_problems": problems, "without_revision": without_revision}


def phase(t: float, stopped_at: float, started_at: float) -> str:
    if t < stopped_at:
        return "before"
    return "outage" if t < started_at else "after"


def main() -> None:
    print("Installation de vérification…", flush=True)
    setup()
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "config.wsgi",
            "-w",
            "2",
            "-b",
            f"127.0.0.1:{PORT}",
            "--timeout",
            "30",
        ],
        cwd=ROOT,
        env=ENV,
        stderr=subprocess.DEVNULL,
    )
    try:
        for _ in range(50):
            try:
                requests.get(BASE + "/", headers={"Host": "localhost"}, timeout=2)
                break
            except requests.RequestException:
                time.sleep(0.2)
        load = Load()
        threads = [threading.Thread(target=load.reader) for _ in range(3)] + [
            threading.Thread(target=load.writer)
        ]
        for thread in threads:
            thread.start()
        time.sleep(PHASES["outage"][0])
        print("PostgreSQL arrêté…", flush=True)
        stopped_at = time.monotonic() - load.started
        pg("stop")
        time.sleep(PHASES["outage"][1] - PHASES["outage"][0] - 1)
        pg("start")
        started_at = time.monotonic() - load.started
        print("PostgreSQL redémarré.", flush=True)
        time.sleep(PHASES["after"][1] - started_at)
        load.stop.set()
        for thread in threads:
            thread.join()
        assert server.poll() is None, "gunicorn died"
    finally:
        server.terminate()
        server.wait()

    by_phase = {name: Counter() for name in PHASES}
    for t, kind, status, detail in load.events:
        by_phase[phase(t, stopped_at, started_at)][f"{kind} {status}{' ' + detail if detail else ''}"] += 1
    recovered = min(
        (t for t, kind, status, _ in load.events if t > started_at and kind == "read" and status == 200),
        default=None,
    )
    unclean = [e for e in load.events if e[2] not in (200, 302, 503) or e[3] == "unclean"]
    check = subprocess.run(
        [sys.executable, "manage.py", "check_search_index"], cwd=ROOT, env=ENV, capture_output=True, text=True
    )
    integrity = json.loads(
        subprocess.run(
            [sys.executable, __file__, "--integrity"],
            cwd=ROOT,
            env=ENV,
            capture_output=True,
            text=True,
            check=True,
        )
        .stdout.strip()
        .splitlines()[-1]
    )
    confirmed = sorted(load.confirmed)
    results = {
        "postgres_stopped_at_s": round(stopped_at, 1),
        "postgres_started_at_s": round(started_at, 1),
        "first_200_after_start_s": round(recovered - started_at, 2) if recovered else None,
        "by_phase": {name: dict(counts) for name, counts in by_phase.items()},
        "unclean": unclean[:20],
        "writes_attempted": len(load.attempted),
        "writes_confirmed": len(confirmed),
        "confirmed_are_live_and_listed": confirmed == integrity["live"] == integrity["listed"],
        "unconfirmed_left_nothing": not set(integrity["live"]) - set(confirmed),
        "tree_problems": integrity["tree_problems"],
        "offers_without_revision": integrity["without_revision"],
        "search_index_drift": check.returncode != 0,
    }
    print(json.dumps(results, indent=2, ensure_ascii=False))
    (ROOT / "bench" / "results").mkdir(exist_ok=True)
    (ROOT / "bench" / "results" / "fault_pg_restart.json").write_text(json.dumps(results, indent=2))
    ok = (
        not unclean
        and recovered is not None
        and results["confirmed_are_live_and_listed"]
        and results["unconfirmed_left_nothing"]
        and not any(results["tree_problems"])
        and not results["offers_without_revision"]
        and not results["search_index_drift"]
    )
    print("VÉRIFICATION RÉUSSIE" if ok else "VÉRIFICATION ÉCHOUÉE")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    if "--integrity" in sys.argv:
        print(json.dumps(integrity_report()))
    else:
        main()
