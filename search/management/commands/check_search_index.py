"""Report any drift between the CPTS schemas, the network's listing and the search engine."""

from django.core.management.base import BaseCommand, CommandError

from search.network_sync import search_index_drift

LABELS = {
    "not_listed": "publiées dans leur CPTS mais absentes de la recherche",
    "outdated": "modifiées dans leur CPTS, ancienne version dans la recherche",
    "not_live": "dans la recherche mais plus publiées dans leur CPTS",
    "not_indexed": "absentes de l'index Elasticsearch",
    "not_in_listing": "dans l'index Elasticsearch mais plus dans la liste du réseau",
    "index_outdated": "ancienne version dans l'index Elasticsearch",
}


class Command(BaseCommand):
    help = "Signale les écarts entre les offres des CPTS et l'index de recherche (code 1 si écart)."

    def handle(self, *args, **options):
        drift = search_index_drift()
        for name, label in LABELS.items():
            keys = getattr(drift, name)
            if keys:
                shown = ", ".join(keys[:10]) + (" …" if len(keys) > 10 else "")
                self.stdout.write(f"{len(keys)} offre(s) {label} : {shown}")
        if drift.total:
            raise CommandError(f"{drift.total} écart(s) ; `manage.py reindex_network` les corrige.")
        self.stdout.write(self.style.SUCCESS("Index de recherche à jour."))
