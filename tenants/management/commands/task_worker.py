"""``manage.py task_worker``: run queued tasks, each in the CPTS schema it was enqueued in.

django-tasks-db's worker (``db_worker``) claims rows with ``SELECT … FOR UPDATE
SKIP LOCKED``, so several workers share one queue without running a task
twice. This command is that worker with one change: each task runs inside
``schema_context`` of the schema its row carries (``tenants.tasks``), and the
worker returns to the public schema between tasks.

Memory: a PostgreSQL backend keeps the catalog of every schema it touched.
The connection is closed between tasks once it has visited
more than ``CPTS_CONNECTION_MAX_SCHEMAS`` CPTS schemas (``tenants.postgresql_backend``, the
same rule as the app servers); ``--max-tasks`` ends the process after that many
tasks, for systemd (``Restart=always``, ``deploy/systemd/cpts-worker.service``)
to start a fresh one.
"""

from __future__ import annotations

import logging
import os
import socket

from django.core.management.base import BaseCommand
from django_tasks_db.management.commands.db_worker import (
    Command as DbWorkerCommand,
)
from django_tasks_db.management.commands.db_worker import (
    Worker,
)
from django_tasks_db.models import DBTaskResult
from django_tenants.utils import get_public_schema_name, schema_context, schema_exists

from tenants.tasks import task_schema

logger = logging.getLogger("tenants.tasks")


class SchemaWorker(Worker):
    def run_task(self, db_task_result: DBTaskResult) -> None:
        schema = task_schema(db_task_result)
        logger.info("Task %s (%s) in schema %s", db_task_result.id, db_task_result.task_path, schema)
        if schema != get_public_schema_name() and not schema_exists(schema):
            # An archived CPTS: its search_path would fall through to the public schema's tables.
            db_task_result.set_failed(LookupError(f"Le schéma {schema} n'existe plus."))
            return
        with schema_context(schema):
            super().run_task(db_task_result)


class Command(BaseCommand):
    help = (
        "Exécute les tâches en file (webhooks, index de recherche…), chacune dans le schéma "
        "de la CPTS qui l'a créée. Plusieurs workers peuvent tourner ensemble."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--interval", type=float, default=0.5, help="secondes entre deux lectures à vide")
        parser.add_argument("--max-tasks", type=int, default=None, help="s'arrêter après ce nombre de tâches")
        parser.add_argument("--batch", action="store_true", help="s'arrêter quand la file est vide")
        parser.add_argument("--queue-name", default="default", help="files à lire, séparées par des virgules")

    def handle(self, *args, interval: float, max_tasks: int | None, batch: bool, queue_name: str, **options):
        DbWorkerCommand().configure_logging(options["verbosity"])
        worker = SchemaWorker(
            queue_names=queue_name.split(","),
            interval=interval,
            batch=batch,
            backend_name="default",
            startup_delay=not batch,
            max_tasks=max_tasks,
            worker_id=f"{socket.gethostname()}-{os.getpid()}"[-64:],
            excluded_queue_names=[],
        )
        worker.configure_signals()
        worker.run()
