"""Compare every CPTS's own territory with its public copy (maintenance, not a request)."""

from django.core.management.base import BaseCommand, CommandError
from django_tenants.utils import schema_context

from content.models import TerritoryCommune
from network.coverage import coverage_counts_drift, coverage_rebuild
from network.models import TerritoryClaim
from tenants.models import CPTS


class Command(BaseCommand):
    help = "Signale tout écart entre le territoire de chaque CPTS et sa copie dans le schéma public."

    def add_arguments(self, parser):
        parser.add_argument("--fix", action="store_true", help="réécrit la copie publique depuis la CPTS")

    def handle(self, *args, **options):
        from content.services.territory import territory_claims_rebuild

        drifted = 0
        for cpts in CPTS.objects.order_by("short_name"):
            public = set(TerritoryClaim.objects.filter(cpts=cpts).values_list("commune_id", flat=True))
            with schema_context(cpts.schema_name):
                own = set(TerritoryCommune.objects.values_list("commune_id", flat=True))
                if own != public:
                    drifted += 1
                    self.stdout.write(
                        f"{cpts.short_name}: {len(own - public)} absente(s) du public, "
                        f"{len(public - own)} en trop"
                    )
                    if options["fix"]:
                        territory_claims_rebuild(cpts=cpts)
        # Checked after the claims are mended: counts follow from the claims.
        counts = coverage_counts_drift()
        if counts:
            self.stdout.write("compteurs de couverture : écart avec les revendications")
            if options["fix"]:
                coverage_rebuild()
        if (drifted or counts) and not options["fix"]:
            problems = [f"{drifted} CPTS en écart"] if drifted else []
            problems += ["compteurs de couverture en écart"] if counts else []
            raise CommandError(f"{' ; '.join(problems)} ; relancez avec --fix pour réparer.")
        self.stdout.write(self.style.SUCCESS("Copies publiques à jour."))
