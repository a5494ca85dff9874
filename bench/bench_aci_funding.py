"""Earned ACI funding of 1,000 CPTS read by the federation, against a loop over CPTS schemas; one report PDF.

    python bench/bench_aci_funding.py [--cpts 1000] [--schemas 10] [--samples 200]

Its own database, ``cpts_bench_aci``, recreated each run. Measured: ``/api/network/aci/``
(federation host, Django's full stack, test client) over ``--cpts`` copies
(``network.AciYearCopy``, two years each: CPTS rows without schemas, as the API
reads the copy only), ``--samples`` times after one unmeasured request. Baseline,
same run: what the API would cost without the copy — entering each of ``--schemas``
real CPTS schemas (created with ``cpts_create``, a year opened) and computing its
year's figures there; its time per CPTS is multiplied by ``--cpts`` and printed as
such (an estimate: creating 1,000 schemas for a baseline would take an hour). Then
one report PDF of a real schema (WeasyPrint), fonts warm. Any answer that is not a
200 stops the run before a ratio is printed.
"""

import argparse
import sys
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import cpts_rows, fmt, line, public_network_prepare, refuse_ratio, summary, timed  # noqa: E402

API = "/api/network/aci/"
TARGET_P95 = 0.050
TARGET_PDF = 1.0


def copies_build(count: int) -> None:
    from network.aci_years import AciYearCopy

    rows = cpts_rows(count, "aci")
    AciYearCopy.objects.bulk_create(
        AciYearCopy(
            cpts=cpts,
            year=year,
            version=1,
            status="validated" if year == 2024 else "draft",
            grid="Grille ACI CPTS en vigueur",
            tier=1 + i % 4,
            maximum=Decimal(300_000),
            earned=Decimal(250_000 + i),
            fixed=Decimal(200_000),
            variable=Decimal(50_000 + i),
            variable_max=Decimal(100_000),
            published=i % 2 == 0,
        )
        for i, cpts in enumerate(rows)
        for year in (2024, 2025)
    )


def schemas_build(count: int) -> list:
    """Real CPTS with a schema each, a signed contract and a 2025 year."""
    import datetime

    from django_tenants.utils import schema_context

    from aci.services import aci_year_open
    from tenants.models import CPTS
    from tenants.services import cpts_create

    made = []
    for n in range(count):
        cpts = cpts_create(
            name=f"CPTS schéma {n:02d} (fictive)",
            short_name=f"acis{n:02d}",
            region_code="44",
            department_code="57",
            coordinator_email=f"coord@acis{n:02d}.test",
            coordinator_password="bench-pw-1234",  # noqa: S106 - a fictitious bench account
        ).cpts
        CPTS.objects.filter(pk=cpts.pk).update(aci_signed_on=datetime.date(2024, 3, 1), stage="aci_signed")
        cpts.refresh_from_db()
        with schema_context(cpts.schema_name):
            aci_year_open(cpts=cpts, year=2025)
        made.append(cpts)
    return made


def loop_over_schemas(schemas: list) -> None:
    from django_tenants.utils import schema_context

    from aci.selectors import aci_year_get, year_figures

    for cpts in schemas:
        with schema_context(cpts.schema_name):
            year_figures(aci_year_get(2025), cpts=cpts)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cpts", type=int, default=1000)
    parser.add_argument("--schemas", type=int, default=10)
    parser.add_argument("--samples", type=int, default=200)
    args = parser.parse_args()

    public_network_prepare("cpts_bench_aci")
    from django.db import connection
    from django.test import Client
    from django_tenants.utils import schema_context

    from aci.report_pdf import report_pdf
    from aci.selectors import aci_year_get, latest_report, report_figures

    print("Préparation : copies du réseau, schémas de CPTS…", flush=True)
    from django.core.management import call_command

    # The CPTS schema template, before the rows without schemas (migrate_schemas would visit them).
    call_command("migrate_schemas", interactive=False, verbosity=0)
    schemas = schemas_build(args.schemas)
    copies_build(args.cpts)
    with connection.cursor() as cursor:
        cursor.execute("VACUUM (ANALYZE)")
    client = Client(HTTP_HOST="localhost")
    measures = {}
    for label, params in (("API /api/network/aci/?year=2025", {"year": 2025}), ("API dernier exercice", {})):
        statuses = []

        def get(q=params, seen=statuses):
            response = client.get(API, q)
            seen.append(response.status_code)
            return response

        assert len(get().json()) >= args.cpts  # the copies, plus the real schemas' years
        measures[label] = summary([timed(get) for _ in range(args.samples)]) | {
            "errors": sum(1 for s in statuses if s != 200)
        }
    loops = [timed(lambda: loop_over_schemas(schemas)) for _ in range(5)]
    measures["socle : boucle sur les schémas"] = summary(loops) | {"errors": 0}
    refuse_ratio(measures)

    with schema_context(schemas[0].schema_name):
        figures = report_figures(latest_report(aci_year_get(2025)), cpts=schemas[0])
        report_pdf(figures)
        pdf = summary([timed(lambda: report_pdf(figures)) for _ in range(10)])

    per_cpts = measures["socle : boucle sur les schémas"]["median"] / len(schemas)
    print(f"{args.cpts} CPTS copiés (2 exercices chacun), {args.samples} mesures par requête")
    for label, stats in measures.items():
        print(line(label, stats))
    print(
        f"  boucle sur {len(schemas)} schémas : {fmt(per_cpts)} par CPTS, soit ~{fmt(per_cpts * args.cpts)} "
        f"pour {args.cpts} (estimation)"
    )
    p95 = measures["API /api/network/aci/?year=2025"]["p95"]
    print(f"  rapport PDF (WeasyPrint) : médiane {fmt(pdf['median'])}, p95 {fmt(pdf['p95'])}")
    print(
        f"  objectif API p95 ≤ {fmt(TARGET_P95)} : {'tenu' if p95 <= TARGET_P95 else 'MANQUÉ'} ; "
        f"rapport < 1 s : {'tenu' if pdf['p95'] < TARGET_PDF else 'MANQUÉ'} ; "
        f"ratio boucle estimée / API : {per_cpts * args.cpts / p95:.0f}×"
    )


if __name__ == "__main__":
    main()
