from django.core.management.base import BaseCommand, CommandError

from tenants.models import CPTS
from tenants.postgres import PostgresToolError
from tenants.services import cpts_archive


class Command(BaseCommand):
    help = "Archive une CPTS (sauvegarde du schéma et des médias) puis la retire du réseau."

    def add_arguments(self, parser):
        parser.add_argument("short_name")
        parser.add_argument("--archive-dir", default=None)

    def handle(self, *args, **options):
        try:
            cpts = CPTS.objects.get(short_name=options["short_name"])
        except CPTS.DoesNotExist as error:
            raise CommandError(f"Aucune CPTS « {options['short_name']} ».") from error
        try:
            archive = cpts_archive(cpts=cpts, archive_dir=options["archive_dir"])
        except (PostgresToolError, RuntimeError) as error:
            raise CommandError(str(error)) from error
        self.stdout.write(self.style.SUCCESS(f"CPTS « {archive.name} » archivée : {archive.dump_path}"))
        if archive.media_path:
            self.stdout.write(f"  médias : {archive.media_path}")
