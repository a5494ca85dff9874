"""Compare every CPTS's rows with their copies in the public schema (maintenance, not a request)."""

from django.core.management.base import BaseCommand, CommandError

from tenants.management.cli import cpts_selected
from tenants.public_copies import public_copies, public_copies_drift


class Command(BaseCommand):
    help = (
        "Signale tout écart entre les données de chaque CPTS et leurs copies publiques "
        "(territoires, offres de stage, campagnes… : toutes celles déclarées) ; code 1 si écart."
    )

    def add_arguments(self, parser):
        parser.add_argument("--fix", action="store_true", help="réécrit les copies en écart depuis leur CPTS")
        parser.add_argument("--cpts", help="nom court d'une seule CPTS")

    def handle(self, *args, fix: bool, cpts: str | None, **options):
        copies = {copy.name: copy for copy in public_copies()}
        drifted = 0
        for each in cpts_selected(cpts):
            for name, problems in public_copies_drift(each).items():
                drifted += 1
                for problem in problems:
                    self.stdout.write(f"{each.short_name} · {name} : {problem}")
                if fix:
                    copies[name].rebuild_in_schema(each)
        # Checked after the copies are mended: totals follow from them.
        totals = {name: copy.totals_drift() for name, copy in copies.items()}
        totals = {name: problems for name, problems in totals.items() if problems}
        for name, problems in totals.items():
            self.stdout.write(f"{name} : {' ; '.join(problems)}")
            if fix:
                copies[name].totals_rebuild()
        if (drifted or totals) and not fix:
            raise CommandError(
                f"{drifted + len(totals)} écart(s) ; relancez avec --fix pour réécrire les copies."
            )
        self.stdout.write(self.style.SUCCESS("Copies publiques à jour."))
