from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from tenants.management.commands.create_cpts import one_line
from tenants.models import CPTSArchive
from tenants.services import cpts_restore


class Command(BaseCommand):
    help = "Restaure la dernière archive d'une CPTS (schéma, hôtes et médias)."

    def add_arguments(self, parser):
        parser.add_argument("short_name")

    def handle(self, *args, **options):
        archive = CPTSArchive.objects.filter(short_name=options["short_name"]).first()
        if archive is None:
            raise CommandError(f"Aucune archive pour « {options['short_name']} ».")
        try:
            cpts = cpts_restore(archive=archive)
        except ValidationError as error:
            raise CommandError(one_line(error)) from error
        self.stdout.write(self.style.SUCCESS(f"CPTS « {cpts.name} » restaurée."))
