import json

from django.core.management.base import BaseCommand, CommandError

from tenants.models import CPTS
from tenants.selectors import cpts_content_summary


class Command(BaseCommand):
    help = (
        "Résumé comparable du contenu d'une CPTS (pages, gouvernance, territoire, campagnes, offres, médias)."
    )

    def add_arguments(self, parser):
        parser.add_argument("short_name")

    def handle(self, *args, **options):
        try:
            cpts = CPTS.objects.get(short_name=options["short_name"])
        except CPTS.DoesNotExist as error:
            raise CommandError(f"Aucune CPTS « {options['short_name']} ».") from error
        self.stdout.write(
            json.dumps(cpts_content_summary(cpts), ensure_ascii=False, indent=1, sort_keys=True)
        )
