"""Post the due webhook deliveries of every CPTS (run every minute by the operator's scheduler)."""

from django.core.management.base import BaseCommand, CommandError
from django_tenants.utils import schema_context

from content.models import WebhookDelivery
from content.webhooks import webhook_deliveries_send, webhook_delivery_replay
from tenants.management.cli import cpts_selected


class Command(BaseCommand):
    help = "Envoie les webhooks dus de chaque CPTS ; --replay ID --cpts NOM en renvoie un."

    def add_arguments(self, parser):
        parser.add_argument("--cpts", help="nom court d'une seule CPTS")
        parser.add_argument("--replay", type=int, help="numéro d'un envoi à refaire (avec --cpts)")

    def handle(self, *args, cpts: str | None, replay: int | None, **options):
        if replay is not None:
            if not cpts:
                raise CommandError("--replay demande --cpts : chaque CPTS a ses propres envois.")
            (one,) = cpts_selected(cpts)
            with schema_context(one.schema_name):
                delivery = WebhookDelivery.objects.filter(pk=replay).first()
                if delivery is None:
                    raise CommandError(f"Aucun envoi n° {replay} chez {one.short_name}.")
                webhook_delivery_replay(delivery=delivery)
        delivered = failed = 0
        for each in cpts_selected(cpts):
            with schema_context(each.schema_name):
                report = webhook_deliveries_send()
            delivered, failed = delivered + report.delivered, failed + report.failed
        self.stdout.write(f"{delivered} envoi(s) livré(s), {failed} en échec (nouvel essai plus tard).")
