"""``manage.py periodic_jobs``: the one scheduler entry (every minute); runs each job when it is due."""

from django.core.management.base import BaseCommand, CommandError

from cpts_network.periodic import JOBS
from tenants.periodic import periodic_jobs_run


class Command(BaseCommand):
    help = (
        "Lance les tâches périodiques dues (webhooks, publications programmées, reprises du réseau, "
        "sessions expirées). À appeler chaque minute par un seul timer systemd ou une ligne cron ; "
        "deux appels simultanés ne font pas deux fois le même travail."
    )

    def add_arguments(self, parser):
        parser.add_argument("--job", action="append", help="seulement cette tâche (répétable)")
        parser.add_argument("--force", action="store_true", help="même si elle n'est pas due")

    def handle(self, *args, job: list[str] | None, force: bool, **options):
        names = {each.name for each in JOBS}
        if unknown := set(job or []) - names:
            raise CommandError(
                f"Tâche inconnue : {', '.join(sorted(unknown))} (connues : {', '.join(sorted(names))})."
            )
        chosen = [each for each in JOBS if not job or each.name in job]
        for name, summary in periodic_jobs_run(chosen, force=force):
            self.stdout.write(f"{name} : {summary}")
