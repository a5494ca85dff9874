"""How long importing a 500-page former site takes, against Wagtail alone writing the same pages.

    tests/site_import/fixtures/wordpress/make_export.sh 500 /tmp/wp500      # a real WordPress, 500 more pages
    tests/site_import/fixtures/plone/make_export.sh 500 /tmp/plone500       # a real Plone 6.1, 500 more pages
    python bench/bench_site_import.py --wordpress /tmp/wp500 --plone /tmp/plone500

Each export is imported into a CPTS of its own, in this benchmark's own
database (``cpts_bench_import``, recreated each run; no other is touched):
the dry run, the import, then the same export again (nothing changed).

Baseline, measured here each run: the same number of pages written by
Wagtail alone (``add_child``, a revision, its publication), each with the
same body as an imported page and in its own transaction, as the import
writes them: what any import costs at least. The ratio is the import's time
over the baseline's. No ratio is printed when an item failed.
"""

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import setup_django  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--wordpress", type=Path, help="folder made by wordpress/make_export.sh N DIR")
    parser.add_argument("--plone", type=Path, help="folder made by plone/make_export.sh N DIR")
    args = parser.parse_args()
    exports = {}
    if args.wordpress:
        exports["wordpress"] = (args.wordpress / "cpts-val-fictif.wxr.xml", args.wordpress / "uploads.zip")
    if args.plone:
        exports["plone"] = (args.plone / "cpts-coteaux-fictifs.zip", None)
    if not exports:
        parser.error("give --wordpress, --plone or both")

    setup_django(fresh=True, database="cpts_bench_import")
    from django.core.management import call_command
    from django.db import transaction
    from django_tenants.utils import schema_context

    from content.models import HomePage, StandardPage
    from site_import.services import import_site
    from site_import.sources.reading import read_export
    from tenants.services import cpts_create

    print("Préparation : schéma public et modèle…", flush=True)
    call_command("migrate_schemas", interactive=False, verbosity=0)

    def new_cpts(short_name: str) -> str:
        created = cpts_create(
            name=f"CPTS {short_name}",
            short_name=short_name,
            region_code="44",
            department_code="57",
            coordinator_email=f"coord@{short_name}.test",
        )
        return created.cpts.schema_name

    results: dict = {}
    for system, (export, uploads) in exports.items():
        site = read_export(export, uploads=uploads, max_bytes=2_000_000_000)
        pages = [item for item in site.items if item.kind == "page"]
        schema = new_cpts(f"import-{system}")
        with schema_context(schema):
            dry = _timed(lambda s=site: import_site(s, dry_run=True))
            applied = _timed(lambda s=site: import_site(s, dry_run=False))
            again = _timed(lambda s=site: import_site(s, dry_run=False))
            bodies = [list(page.body.raw_data) for page in StandardPage.objects.all()[: len(pages)]]
        failed = len(applied["report"].failed) + len(again["report"].failed)
        # Baseline: as many pages, written by Wagtail alone in another CPTS, one transaction each.
        with schema_context(new_cpts(f"wagtail-{system}")):
            home = HomePage.objects.get()
            count = len(pages)

            def wagtail_alone(count=count, bodies=bodies, home=home) -> None:
                parent = home
                for number in range(count):
                    with transaction.atomic():
                        page = StandardPage(
                            title=f"Page {number}",
                            slug=f"page-{number}",
                            body=json.dumps(bodies[number % len(bodies)]),
                        )
                        (home if number % 10 == 0 else parent).add_child(instance=page)
                        page.save_revision().publish()
                        parent = page if number % 10 == 0 else parent

            baseline = _timed(wagtail_alone)["seconds"]
        counts = applied["report"].as_json()["counts"]
        results[system] = {
            "pages": len(pages),
            "items": len(site.items),
            "counts": counts,
            "redirects": applied["report"].redirects,
            "dry_run_s": dry["seconds"],
            "import_s": applied["seconds"],
            "reimport_unchanged_s": again["seconds"],
            "wagtail_alone_s": baseline,
            "failed": failed,
        }
        print(
            f"  {system} : {len(site.items)} éléments dont {len(pages)} pages — simulation "
            f"{dry['seconds']:.1f} s, import {applied['seconds']:.1f} s, réimport {again['seconds']:.1f} s ; "
            f"Wagtail seul, {len(pages)} pages : {baseline:.1f} s",
            flush=True,
        )
        if failed:
            print(f"  ÉCHEC {system} : {failed} élément(s) en échec, pas de ratio", file=sys.stderr)
            continue
        results[system]["ratio_import_over_wagtail_alone"] = applied["seconds"] / baseline
        print(f"  ratio import / Wagtail seul : {applied['seconds'] / baseline:.2f}", flush=True)
    print(json.dumps(results, indent=2, default=str))
    if any(result["failed"] for result in results.values()):
        sys.exit(1)


def _timed(work) -> dict:
    start = time.perf_counter()
    report = work()
    return {"seconds": time.perf_counter() - start, "report": report}


if __name__ == "__main__":
    main()
