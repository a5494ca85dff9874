"""Bring subscribers' sites in step with the network: new posts taken, new versions followed, withdrawals."""

from django.core.management.base import BaseCommand
from django.db.models import Q
from django_tenants.utils import schema_context

from tenants.management.cli import cpts_selected
from tenants.models import CPTS

from ...republish import republications_sync


class Command(BaseCommand):
    help = (
        "Reprend les publications des sources suivies (abonnements automatiques), met à jour les pages "
        "reprises qui suivent leur source et retire celles que leur source a retirées. "
        "À lancer toutes les quelques minutes (cron, timer systemd)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--cpts", help="Nom court d'une CPTS ; toutes celles qui suivent une source sinon."
        )

    def handle(self, *args, cpts=None, **options):
        # Only the CPTS that follow a source or took a post: one query, not a visit of every schema.
        followers = CPTS.objects.filter(
            Q(subscriptions__isnull=False) | Q(republications__isnull=False)
        ).distinct()
        for subscriber in cpts_selected(cpts, queryset=followers):
            with schema_context(subscriber.schema_name):
                report = republications_sync(subscriber)
            self.stdout.write(
                f"{subscriber.short_name} : {report.republished} reprise(s), "
                f"{report.updated} mise(s) à jour, {report.taken_down} retirée(s), "
                f"{report.detached} devenue(s) propre(s) à la CPTS."
            )
