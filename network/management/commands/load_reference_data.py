from pathlib import Path

from django.core.management.base import BaseCommand

from network.observatory import indicator_catalogue_load
from network.services import REFERENCE_FILE, reference_data_load


class Command(BaseCommand):
    help = "Charge ou met à jour les régions, départements et communes (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument("--file", type=Path, default=REFERENCE_FILE)
        parser.add_argument("--force", action="store_true", help="recharger même si cette édition l'est déjà")

    def handle(self, *args, **options):
        indicators = indicator_catalogue_load()
        self.stdout.write(f"Catalogue national des indicateurs : {indicators} indicateurs.")
        result = reference_data_load(path=options["file"], force=options["force"])
        if result is None:
            self.stdout.write("Référentiel déjà à jour.")
            return
        self.stdout.write(
            f"Référentiel chargé : {result.regions} régions, {result.departments} départements, "
            f"{result.communes} communes, {result.aliases} anciens noms et codes"
            + (
                f", {result.no_longer_current} communes disparues conservées"
                if result.no_longer_current
                else ""
            )
            + "."
        )
