from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from tenants.models import CPTS
from tenants.postgres import PostgresToolError
from tenants.services import cpts_export


class Command(BaseCommand):
    help = "Exporte une CPTS (schéma, médias, manifeste) pour l'importer dans une autre installation."

    def add_arguments(self, parser):
        parser.add_argument("short_name")
        parser.add_argument("directory", type=Path)

    def handle(self, *args, **options):
        try:
            cpts = CPTS.objects.get(short_name=options["short_name"])
        except CPTS.DoesNotExist as error:
            raise CommandError(f"Aucune CPTS « {options['short_name']} ».") from error
        try:
            bundle = cpts_export(cpts=cpts, directory=options["directory"])
        except (PostgresToolError, RuntimeError) as error:
            raise CommandError(str(error)) from error
        self.stdout.write(self.style.SUCCESS(f"CPTS « {cpts.name} » exportée : {bundle.manifest_path}"))
