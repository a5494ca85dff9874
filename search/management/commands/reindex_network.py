"""Rebuild the students' search from every CPTS: listing, lexicon and engine index."""

import time

from django.core.management.base import BaseCommand

from search.backends import get_backend
from search.network_sync import reindex_network


class Command(BaseCommand):
    help = "Reconstruit l'index des offres de stage de tout le réseau à partir des CPTS."

    def handle(self, *args, **options):
        started = time.perf_counter()
        report = reindex_network(progress=lambda line: self.stdout.write(line))
        self.stdout.write(
            self.style.SUCCESS(
                f"{report.cpts} CPTS, {report.written} offres indexées ({get_backend().name}), "
                f"{report.withdrawn} retirées, {report.words} mots connus, "
                f"en {time.perf_counter() - started:.1f} s."
            )
        )
