from django.core.management.base import BaseCommand

from tenants.selectors import cpts_list
from tenants.services import public_url


class Command(BaseCommand):
    help = "Liste les CPTS du réseau, leur étape et l'adresse de leur site."

    def handle(self, *args, **options):
        rows = list(cpts_list())
        if not rows:
            self.stdout.write("Aucune CPTS.")
            return
        for cpts in rows:
            host = cpts.primary_host
            url = public_url(host) if host else "-"
            stage = cpts.get_stage_display()
            self.stdout.write(f"{cpts.short_name:<24} {stage:<26} {cpts.department_code:<4} {url}")
