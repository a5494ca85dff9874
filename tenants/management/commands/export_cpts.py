from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from tenants.management.cli import cpts_named
from tenants.postgres import PostgresToolError
from tenants.services import cpts_export


class Command(BaseCommand):
    help = "Exporte une CPTS (schéma, médias, manifeste) pour l'importer dans une autre installation."

    def add_arguments(self, parser):
        parser.add_argument("short_name")
        parser.add_argument("directory", type=Path)

    def handle(self, *args, **options):
        cpts = cpts_named(options["short_name"])
        try:
            bundle = cpts_export(cpts=cpts, directory=options["directory"])
        except (PostgresToolError, RuntimeError) as error:
            raise CommandError(str(error)) from error
        self.stdout.write(self.style.SUCCESS(f"CPTS « {cpts.name} » exportée : {bundle.manifest_path}"))
