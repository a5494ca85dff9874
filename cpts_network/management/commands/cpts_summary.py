import json

from django.core.management.base import BaseCommand

from cpts_network.selectors import cpts_content_summary
from tenants.management.cli import cpts_named


class Command(BaseCommand):
    help = (
        "Résumé comparable du contenu d'une CPTS (pages, gouvernance, territoire, campagnes, offres, médias)."
    )

    def add_arguments(self, parser):
        parser.add_argument("short_name")

    def handle(self, *args, **options):
        cpts = cpts_named(options["short_name"])
        self.stdout.write(
            json.dumps(cpts_content_summary(cpts), ensure_ascii=False, indent=1, sort_keys=True)
        )
