"""Lighthouse on every public page type of the demo, on a database of its own.

    .venv/bin/python bench/bench_lighthouse.py [--database lighthouse] [--port 8190] [--keep]

Makes (or with ``--keep`` reuses) the database, loads the demo as ``make demo`` does plus the demo
identities (``cpts_network.demo.identity``), serves it with ``runserver --insecure``, runs
Lighthouse 12.2.3 (phone profile) on each page, prints the table and writes it into
``bench/README.md`` under its own heading. Needs ``make browser-tools`` (Chromium, Lighthouse).
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import time
from pathlib import Path
from urllib.request import urlopen

import psycopg

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.lighthouse import THRESHOLDS, lighthouse_scores  # noqa: E402

HEADING = "## Lighthouse on every public page type — `bench/bench_lighthouse.py`"
# (what, host, path): the list of public page types.
PAGES = [
    ("federation home", "localhost", "/"),
    ("coverage map", "localhost", "/couverture/57/"),
    ("students' search, a query", "localhost", "/stages/?q=kine"),
    ("an offer", "metz.localhost", None),
    ("a CPTS home", "metz.localhost", "/"),
    ("a standard page", "metz.localhost", "/lassociation/"),
    ("news", "metz.localhost", "/actualites/"),
    ("agenda", "metz.localhost", "/agenda/"),
    ("a campaign", "strasbourg.localhost", None),
    ("adhésion", "metz.localhost", "/adherer/"),
    ("directory", "metz.localhost", "/annuaire-des-adherents/"),
    ("mentions légales", "metz.localhost", "/mentions-legales/"),
    ("données personnelles", "metz.localhost", "/donnees-personnelles/"),
    ("accessibilité", "metz.localhost", "/accessibilite/"),
]
IDENTITIES = """
from django_tenants.utils import schema_context
from cpts_network.demo.identity import demo_identity_load
for name in ("metz", "strasbourg", "luneville"):
    with schema_context(name):
        demo_identity_load(short_name=name)
"""
FIRST_LINK = """
from django_tenants.utils import schema_context
from content.models import InternshipOfferPage
from prevention.models import CampaignPage
with schema_context("metz"):
    print(InternshipOfferPage.objects.live().public().first().url)
with schema_context("strasbourg"):
    print(CampaignPage.objects.live().public().filter(theme_id="osteoporosis").first().url)
"""


def manage(environment: dict, *argv: str, capture: bool = False) -> str:
    done = subprocess.run(
        [sys.executable, "manage.py", *argv],
        cwd=ROOT,
        env=environment,
        check=True,
        text=True,
        capture_output=capture,
    )
    return done.stdout if capture else ""


def demo_database(name: str, keep: bool) -> dict:
    server = os.environ.get("BENCH_POSTGRES", "postgresql://postgres@127.0.0.1:5432")
    environment = {**os.environ, "DATABASE_URL": f"{server}/{name}", "PYTHONUNBUFFERED": "1"}
    with psycopg.connect(f"{server}/postgres", autocommit=True) as admin:
        exists = admin.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if exists and keep:
            return environment
        if exists:
            admin.execute(f'DROP DATABASE "{name}" WITH (FORCE)')
        admin.execute(f'CREATE DATABASE "{name}"')
    manage(environment, "migrate_schemas", "--noinput", "-v0")
    manage(environment, "load_reference_data")
    manage(environment, "load_demo_network", "--no-region")
    manage(environment, "shell", "-c", IDENTITIES)
    return environment


def table(rows: list[tuple[str, str, dict]]) -> str:
    lines = [
        "| Page | URL | Performance | Accessibility | Best Practices | SEO |",
        "|---|---|---|---|---|---|",
    ]
    for what, url, scores in rows:
        cells = " | ".join(str(scores[name]) for name in THRESHOLDS)
        lines.append(f"| {what} | `{url}` | {cells} |")
    return "\n".join(lines)


def readme_write(text: str) -> None:
    readme = ROOT / "bench" / "README.md"
    current = readme.read_text()
    section = (
        f"{HEADING}\n\nLighthouse 12.2.3, phone profile, Debian's Chromium headless, the demo served by "
        f"`runserver --insecure` on one machine ({time.strftime('%Y-%m-%d')}). Targets (issue #40): "
        "Performance ≥ 95, Accessibility, Best Practices and SEO 100; CI checks four of these pages "
        "(`tests/cpts_network/test_lighthouse.py`).\n\n" + text + "\n"
    )
    pattern = re.compile(re.escape(HEADING) + r".*?(?=\n## |\Z)", re.S)
    updated = pattern.sub(section, current) if HEADING in current else current.rstrip() + "\n\n" + section
    readme.write_text(updated)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", default="lighthouse")
    parser.add_argument("--port", type=int, default=8190)
    parser.add_argument("--keep", action="store_true", help="reuse the database if it exists")
    args = parser.parse_args()
    environment = demo_database(args.database, args.keep)
    offer, campaign = manage(environment, "shell", "-c", FIRST_LINK, capture=True).split()[-2:]
    environment["PUBLIC_PORT"] = str(args.port)
    server = subprocess.Popen(
        [sys.executable, "manage.py", "runserver", f"127.0.0.1:{args.port}", "--insecure", "--noreload"],
        cwd=ROOT,
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        for _ in range(60):
            try:
                urlopen(f"http://127.0.0.1:{args.port}/robots.txt", timeout=2)
                break
            except OSError:
                time.sleep(1)
        rows = []
        for what, host, path in PAGES:
            path = path or (offer if what == "an offer" else campaign)
            path = re.sub(r"^https?://[^/]+", "", path)
            url = f"http://{host}:{args.port}{path}"
            scores, failing = lighthouse_scores(url)
            rows.append((what, f"{host}{path}", scores))
            print(what, url, scores, failing or "", flush=True)
    finally:
        server.terminate()
        server.wait()
    text = table(rows)
    print(text)
    readme_write(text)


if __name__ == "__main__":
    main()
