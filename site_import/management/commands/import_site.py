import json
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django_tenants.utils import schema_context

from site_import.report import KIND_LABELS
from site_import.services import import_site
from site_import.sources import ExportUnreadable
from site_import.sources.reading import read_export
from tenants.management.cli import cpts_named


class Command(BaseCommand):
    help = (
        "Importe l'ancien site d'une CPTS : export WordPress .xml (avec le ZIP ou le dossier de "
        "wp-content/uploads) ou export Plone 6.1 .zip (plone.exportimport, fichiers compris). "
        "Sans --apply, simule seulement : rien n'est écrit."
    )

    def add_arguments(self, parser):
        parser.add_argument("short_name")
        parser.add_argument("export", type=Path)
        parser.add_argument(
            "--uploads", type=Path, help="WordPress : ZIP ou dossier des fichiers (wp-content/uploads)"
        )
        parser.add_argument("--apply", action="store_true", help="importer pour de bon")
        parser.add_argument("--json", action="store_true", help="le rapport en JSON")

    def handle(self, *args, **options):
        cpts = cpts_named(options["short_name"])
        try:
            site = read_export(
                options["export"], uploads=options["uploads"], max_bytes=settings.CPTS_IMPORT_MAX_BYTES
            )
        except ExportUnreadable as error:
            raise CommandError(str(error)) from error
        quiet = options["json"]

        def progress(kind: str, done: int, total: int) -> None:
            if not quiet and (done == total or done % 50 == 0):
                self.stderr.write(f"  {KIND_LABELS.get(kind, kind)} : {done}/{total}")

        with schema_context(cpts.schema_name):
            try:
                report = import_site(site, dry_run=not options["apply"], progress=progress)
            except ValidationError as error:
                raise CommandError(" ".join(error.messages)) from error
        if quiet:
            self.stdout.write(json.dumps(report.as_json(), ensure_ascii=False, indent=2, default=str))
        else:
            self.stdout.write(report.as_text())
        if report.failed:
            raise CommandError(
                f"{len(report.failed)} élément(s) n'ont pas pu être importés (voir ci-dessus)."
            )
