"""A CPTS's pages and API, one CPTS among 100, against a single-site Wagtail.

    apt-get install wrk
    python bench/bench_site_api.py [--cpts 100] [--seconds 10]

Both installs run the same code, pages and gunicorn settings in the same run:
  * tenant: config.settings.bench, N CPTS; requests go to one CPTS's host;
  * single site: config.settings.single_site, no tenancy, one schema.
wrk measures requests per second on the pages listing API, a page's detail
API and its HTML page; the ratio is tenant / single site (target >= 0.9).
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

ARTICLES = 20
MEASURED = "cpts-0042"


def prepare_tenant(n: int) -> None:
    from bench.common import setup_django

    # Its own database: never the generated network's (cpts_bench).
    setup_django(fresh=True, database=os.environ.get("BENCH_DATABASE_NAME", "cpts_bench_sites"))
    from django.core.management import call_command
    from django_tenants.utils import schema_context

    from bench.generate_network import generate
    from network.services import reference_data_load
    from tenants.models import CPTS

    call_command("migrate_schemas", interactive=False, verbosity=0)
    reference_data_load()
    generate(n, 2026, verbose=False)
    with schema_context(CPTS.objects.get(short_name=MEASURED).schema_name):
        _publish_articles()


def prepare_single() -> None:
    from bench.common import setup_django

    setup_django(
        fresh=True,
        settings_module="config.settings.single_site",
        database=os.environ.get("SINGLE_SITE_DATABASE_NAME", "cpts_single_site"),
    )
    from django.core.management import call_command

    from content.services import site_provision
    from network.services import reference_data_load

    call_command("migrate_schemas", shared=True, interactive=False, verbosity=0)
    reference_data_load()
    site_provision(name="Site unique", hostname="localhost")
    _publish_articles()
    _fill_like_a_generated_cpts()


def _fill_like_a_generated_cpts() -> None:
    """The single site gets what each generated CPTS has: territory, governance, campaigns, offers.

    So that bench_network_load.py compares the same pages (home, offers API,
    Stages) on both sides. Its CPTS row is the public schema's, written
    without creating a schema (there is no tenancy here).
    """
    from bench.generate_network import plan_territories
    from bench.populate_sites import populate_site
    from content.services import territory_add_communes
    from tenants.models import CPTS

    region, department, codes = plan_territories(1, 2026)[0]
    (cpts,) = CPTS.objects.bulk_create(
        [
            CPTS(
                schema_name="public",
                name="Site unique",
                short_name="site-unique",
                region_code=region,
                department_code=department,
            )
        ]
    )
    territory_add_communes(cpts=cpts, codes=codes)
    populate_site(cpts, seed=2026, campaigns=5, offers=20)


def _publish_articles() -> None:
    from django.utils import timezone

    from content.models import HomePage
    from content.models.pages import NewsArticlePage, NewsIndexPage
    from content.services import page_publish, paragraphs

    news = page_publish(parent=HomePage.objects.get(), page=NewsIndexPage(title="Actualités"))
    for i in range(ARTICLES):
        page_publish(
            parent=news,
            page=NewsArticlePage(
                title=f"Actualité {i}",
                date=timezone.localdate(),
                introduction="Chapô de l'article.",
                body=paragraphs("<p>" + "Texte de l'actualité. " * 40 + "</p>"),
            ),
        )


def serve_and_measure(settings: str, host: str, seconds: int) -> dict:
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": settings}
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "config.wsgi",
            "-b",
            "127.0.0.1:8099",
            "-w",
            "2",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
    )
    try:
        _wait_ready(host)
        article = _first_article_id(host)
        paths = {
            "listing": "/api/v2/pages/?type=content.NewsArticlePage&fields=date,introduction",
            "detail": f"/api/v2/pages/{article}/",
            "html": "/actualites/actualite-3/",
        }
        results = {}
        for name, path in paths.items():
            _wrk(host, path, 2)  # warm-up
            results[name] = _wrk(host, path, seconds)
        return results
    finally:
        server.terminate()
        server.wait(timeout=30)


def _get(host: str, path: str) -> tuple[int, bytes]:
    import http.client

    connection = http.client.HTTPConnection("127.0.0.1", 8099, timeout=10)
    connection.request("GET", path, headers={"Host": host})
    response = connection.getresponse()
    return response.status, response.read()


def _wait_ready(host: str) -> None:
    for _ in range(120):
        try:
            if _get(host, "/api/v2/pages/")[0] == 200:
                return
        except OSError:
            pass
        time.sleep(0.5)
    raise RuntimeError("server did not start")


def _first_article_id(host: str) -> int:
    _status, body = _get(host, "/api/v2/pages/?type=content.NewsArticlePage&limit=1")
    return json.loads(body)["items"][0]["id"]


def _wrk(host: str, path: str, seconds: int) -> dict:
    output = subprocess.run(
        [
            "wrk",
            "-t",
            "2",
            "-c",
            "8",
            "-d",
            f"{seconds}s",
            "-H",
            f"Host: {host}",
            f"http://127.0.0.1:8099{path}",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    return {"requests_per_second": rps, "errors": wrk_failures(output)}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cpts", type=int, default=100)
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--prepare", choices=["tenant", "single"])
    parser.add_argument("--reuse", action="store_true", help="skip preparation: both databases exist")
    parser.add_argument(
        "--redis", default="", help="Redis base URL; each configuration gets its own database"
    )
    args = parser.parse_args()
    if args.prepare == "tenant":
        prepare_tenant(args.cpts)
        return
    if args.prepare == "single":
        prepare_single()
        return

    me = [sys.executable, str(Path(__file__).resolve())]
    if not args.reuse:
        prepare_both(me, args.cpts)
    os.environ["BENCH_DATABASE_NAME"] = "cpts_bench_sites"
    if args.redis:
        _flush(f"{args.redis}/1")
        os.environ["REDIS_URL"] = f"{args.redis}/1"
    tenant = serve_and_measure("config.settings.bench", f"{MEASURED}.localhost", args.seconds)
    if args.redis:
        _flush(f"{args.redis}/2")
        os.environ["REDIS_URL"] = f"{args.redis}/2"
    single = serve_and_measure("config.settings.single_site", "localhost", args.seconds)
    results = {
        "cpts": args.cpts,
        "conn_max_age": os.environ.get("CONN_MAX_AGE", "0"),
        "tenant": tenant,
        "single_site": single,
        "ratio": {},
    }
    sides = {"CPTS": tenant, "site unique": single}
    refuse_ratio({f"{side} {name}": m for side, run in sides.items() for name, m in run.items()})
    for name in tenant:
        ratio = tenant[name]["requests_per_second"] / single[name]["requests_per_second"]
        results["ratio"][name] = ratio
        print(
            f"  {name:<8} CPTS {tenant[name]['requests_per_second']:7.1f} req/s   site unique "
            f"{single[name]['requests_per_second']:7.1f} req/s   ratio {ratio:.2f}"
        )
    out = ROOT / "bench" / "results"
    out.mkdir(exist_ok=True)
    (out / f"site_api_conn{results['conn_max_age']}{'_redis' if args.redis else ''}.json").write_text(
        json.dumps(results, indent=2)
    )


def _flush(url: str) -> None:
    import redis

    redis.Redis.from_url(url).flushdb()


def prepare_both(me: list[str], cpts: int) -> None:
    print(f"Préparation : {cpts} CPTS, puis le site unique…", flush=True)
    subprocess.run(
        [*me, "--prepare", "tenant", "--cpts", str(cpts)],
        check=True,
        cwd=ROOT,
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "config.settings.bench",
            "BENCH_DATABASE_NAME": "cpts_bench_sites",
        },
    )
    subprocess.run(
        [*me, "--prepare", "single"],
        check=True,
        cwd=ROOT,
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "config.settings.single_site",
            "BENCH_DATABASE_NAME": "cpts_single_site",
        },
    )


if __name__ == "__main__":
    main()
