from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django_tenants.utils import schema_context

from content.selectors.territory import territory_import_preview
from content.services import territory_add_communes
from network.resolution import Status, decode_upload
from tenants.management.cli import cpts_named


class Command(BaseCommand):
    help = (
        "Analyse une liste de communes (noms ou codes INSEE) pour le territoire d'une CPTS. "
        "Sans --apply, n'écrit rien ; avec --apply, ajoute les seules communes reconnues sans ambiguïté."
    )

    def add_arguments(self, parser):
        parser.add_argument("short_name")
        parser.add_argument("file", type=Path)
        parser.add_argument("--apply", action="store_true")

    def handle(self, *args, **options):
        cpts = cpts_named(options["short_name"])
        try:
            text = decode_upload(options["file"].read_bytes())
        except OSError as error:
            raise CommandError(f"Lecture impossible : {error}") from error
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from error

        with schema_context(cpts.schema_name):
            try:
                preview = territory_import_preview(cpts=cpts, text=text)
            except ValidationError as error:
                raise CommandError(" ".join(error.messages)) from error
            for row in preview.rows:
                self.stdout.write(self._describe(row))
            resolved = preview.resolved_codes
            self.stdout.write(
                f"{len(resolved)} reconnue(s), {len(preview.rows) - len(resolved)} à trancher "
                f"(ambiguës ou non reconnues, jamais ajoutées d'office)."
            )
            if options["apply"] and resolved:
                change = territory_add_communes(cpts=cpts, codes=resolved)
                self.stdout.write(self.style.SUCCESS(f"{len(change.added)} commune(s) ajoutée(s)."))

    @staticmethod
    def _describe(row) -> str:
        if row.status == Status.RESOLVED:
            c = row.commune
            note = f" ({row.note})" if row.note else ""
            return f"  ok         {row.line!r} → {c.name} {c.code}{note}"
        choices = ", ".join(f"{c.name} {c.code} ({c.department})" for c in row.candidates[:5])
        label = "ambiguë  " if row.status == Status.AMBIGUOUS else "inconnue "
        hint = "candidates" if row.status == Status.AMBIGUOUS else "proches"
        return f"  {label}  {row.line!r} → {hint} : {choices or '—'}"
