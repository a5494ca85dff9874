from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from tenants.management.commands.create_cpts import one_line
from tenants.services import cpts_import


class Command(BaseCommand):
    help = "Importe une CPTS exportée d'une autre installation (manifeste .json d'export_cpts)."

    def add_arguments(self, parser):
        parser.add_argument("manifest", type=Path)

    def handle(self, *args, **options):
        try:
            cpts = cpts_import(manifest_path=options["manifest"])
        except ValidationError as error:
            raise CommandError(one_line(error)) from error
        self.stdout.write(self.style.SUCCESS(f"CPTS « {cpts.name} » importée ({cpts.primary_host})."))
