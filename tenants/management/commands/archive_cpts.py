from django.core.management.base import BaseCommand, CommandError

from tenants.management.cli import cpts_named
from tenants.postgres import PostgresToolError
from tenants.services import cpts_archive


class Command(BaseCommand):
    help = "Archive une CPTS (sauvegarde du schéma et des médias) puis la retire du réseau."

    def add_arguments(self, parser):
        parser.add_argument("short_name")
        parser.add_argument("--archive-dir", default=None)

    def handle(self, *args, **options):
        cpts = cpts_named(options["short_name"])
        try:
            archive = cpts_archive(cpts=cpts, archive_dir=options["archive_dir"])
        except (PostgresToolError, RuntimeError) as error:
            raise CommandError(str(error)) from error
        self.stdout.write(self.style.SUCCESS(f"CPTS « {archive.name} » archivée : {archive.dump_path}"))
        if archive.media_path:
            self.stdout.write(f"  médias : {archive.media_path}")
