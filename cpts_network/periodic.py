"""The periodic jobs of the install: what ``manage.py periodic_jobs`` runs, and how often.

Each job is a function of the app that owns the work; this module only lists
them (it is the wiring, the one place that sees every app). A job that needs
each CPTS's schema visits them itself, through ``schema_context``, in this
short-lived process, never in a request.
"""

from __future__ import annotations

from datetime import timedelta
from io import StringIO

from django.core.management import call_command
from django_tasks import task_backends
from django_tasks_db.backend import DatabaseBackend
from django_tenants.utils import schema_context

from applications.services import applications_purge
from content.webhooks import webhook_deliveries_send
from members.directory_services import new_patients_reminders_send
from tenants.management.cli import cpts_selected
from tenants.periodic import PeriodicJob


def _each_cpts(work) -> int:
    visited = 0
    for cpts in cpts_selected():
        with schema_context(cpts.schema_name):
            work()
        visited += 1
    return visited


def _command(name: str, *args: str) -> str:
    """Run a management command; its last printed line is the job's summary."""
    out = StringIO()
    call_command(name, *args, stdout=out)
    lines = out.getvalue().strip().splitlines()
    return lines[-1] if lines else "fait"


def webhooks_send() -> str:
    delivered = failed = 0

    def send() -> None:
        nonlocal delivered, failed
        report = webhook_deliveries_send()
        delivered, failed = delivered + report.delivered, failed + report.failed

    _each_cpts(send)
    return f"{delivered} webhook(s) livré(s), {failed} en échec"


def scheduled_pages_publish() -> str:
    # Wagtail's own command, in each CPTS's page tree: go-live and expiry dates.
    visited = _each_cpts(lambda: call_command("publish_scheduled", stdout=StringIO()))
    return f"publications programmées vérifiées dans {visited} CPTS"


def sessions_clear() -> str:
    # Each schema has its own sessions table (accounts never cross CPTS).
    call_command("clearsessions")
    visited = _each_cpts(lambda: call_command("clearsessions"))
    return f"sessions expirées effacées (réseau et {visited} CPTS)"


def new_patients_reminders() -> str:
    # Each CPTS's members whose « nouveaux patients » answer goes stale soon (members.directory_services).
    sent = 0

    def send() -> None:
        nonlocal sent
        sent += new_patients_reminders_send()

    visited = _each_cpts(send)
    return f"{sent} rappel(s) « nouveaux patients » envoyé(s) dans {visited} CPTS"


def task_results_prune() -> str:
    # The demo and the tests run each task at once: there is no queue table to prune.
    if not isinstance(task_backends["default"], DatabaseBackend):
        return "aucune file de tâches en base (tâches exécutées aussitôt)"
    return _command("prune_db_task_results", "--min-age-days", "7")


def internship_applications_purge() -> str:
    purged = 0

    def purge() -> None:
        nonlocal purged
        purged += applications_purge()

    _each_cpts(purge)
    return f"{purged} candidature(s) de stage effacée(s) après leur durée de conservation"


def network_posts_sync() -> str:
    return _command("sync_network_posts")


JOBS = [
    PeriodicJob("webhooks", timedelta(minutes=1), webhooks_send),
    PeriodicJob("scheduled_pages", timedelta(minutes=1), scheduled_pages_publish),
    PeriodicJob("network_posts", timedelta(minutes=5), network_posts_sync),
    PeriodicJob("sessions", timedelta(days=1), sessions_clear),
    PeriodicJob("task_results", timedelta(days=1), task_results_prune),
    PeriodicJob("internship_applications", timedelta(days=1), internship_applications_purge),
    PeriodicJob("new_patients_reminders", timedelta(days=1), new_patients_reminders),
]
