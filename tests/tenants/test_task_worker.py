"""Background work through a real worker process: each task runs in the CPTS schema that enqueued it.

The worker (``manage.py task_worker``) is a subprocess reading the queue
through its own connection, so these tests commit: their CPTS, pages and
queued rows are real, and the fixture removes them afterwards.
"""

import json
import os
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection, transaction
from django_tasks_db.models import DBTaskResult
from django_tenants.utils import schema_context

from content.models import HomePage, WebhookDelivery, WebhookEndpoint
from content.services import standard_page_publish
from cpts_network.settings import WORKER_TASKS
from tenants.models import CPTS, PeriodicJobRun
from tenants.services import cpts_create
from tests.conftest import server_url

ROOT = Path(__file__).resolve().parents[2]
NAME = "ouvriere"


class Receiver(BaseHTTPRequestHandler):
    received: list[dict] = []

    def do_POST(self):  # noqa: N802 - http.server's name
        body = self.rfile.read(int(self.headers["Content-Length"]))
        type(self).received.append({"body": json.loads(body), "delivery": self.headers["X-CPTS-Delivery"]})
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def receiver():
    Receiver.received = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), Receiver)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/hook", Receiver.received
    server.shutdown()


def _remove_leftovers() -> None:
    connection.set_schema_to_public()
    DBTaskResult.objects.all().delete()
    PeriodicJobRun.objects.all().delete()
    CPTS.objects.filter(short_name=NAME).delete()
    with connection.cursor() as cursor:
        cursor.execute(f"DROP SCHEMA IF EXISTS {NAME} CASCADE")


@pytest.fixture
def queued(network, django_db_blocker, settings, receiver):
    """A committed CPTS whose background work goes to the queue, with a webhook to ``receiver``."""
    settings.TASKS = {"default": {"BACKEND": WORKER_TASKS}}
    settings.CPTS_WEBHOOK_ALLOWED_NETWORKS = ["127.0.0.0/8"]
    with django_db_blocker.unblock():
        _remove_leftovers()
        cpts = cpts_create(
            name="CPTS Ouvrière",
            short_name=NAME,
            region_code="44",
            department_code="57",
            coordinator_email=f"coord@{NAME}.test",
        ).cpts
        with schema_context(cpts.schema_name):
            WebhookEndpoint.objects.create(name="Front-end", url=receiver[0], events=["page.published"])
        DBTaskResult.objects.all().delete()  # what creating the CPTS queued
        try:
            yield cpts
        finally:
            _remove_leftovers()


def _worker(*args: str) -> subprocess.CompletedProcess:
    env = {
        **os.environ,
        "DATABASE_URL": server_url(connection.settings_dict["NAME"]),
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "CPTS_TASK_WORKER": "1",
        "CPTS_WEBHOOK_ALLOWED_NETWORKS": "127.0.0.0/8",
    }
    return subprocess.run(  # noqa: S603 - the project's own manage.py, fixed arguments
        [sys.executable, "manage.py", "task_worker", "--batch", "--interval", "0", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_a_publish_is_queued_with_its_schema_and_the_worker_delivers_it(queued, receiver):
    _, received = receiver
    with schema_context(NAME), transaction.atomic():
        page = standard_page_publish(
            parent=HomePage.objects.get(), title="Permanence de soins", body="<p>x</p>"
        )
    # Nothing slow ran in the editor's request: the delivery waits for the worker.
    assert received == []
    rows = list(DBTaskResult.objects.values_list("task_path", "args_kwargs"))
    paths = {path for path, _ in rows}
    assert "content.webhooks.webhooks_send_due" in paths
    assert "wagtail.tasks.update_reference_index_task" in paths  # Wagtail's own, which carries no schema
    assert {args["schema"] for _, args in rows} == {NAME}

    done = _worker()
    assert done.returncode == 0, done.stderr[-2000:]
    assert [r["body"]["cpts"] for r in received] == [NAME]
    assert received[0]["body"]["page"]["id"] == page.pk
    statuses = set(DBTaskResult.objects.values_list("status", flat=True))
    assert statuses == {"SUCCESSFUL"}, list(
        DBTaskResult.objects.values("task_path", "status", "exception_class_path")
    )
    with schema_context(NAME):
        assert WebhookDelivery.objects.get().delivered_at is not None


def test_a_second_worker_and_the_periodic_jobs_deliver_nothing_twice(queued, receiver):
    _, received = receiver
    with schema_context(NAME), transaction.atomic():
        standard_page_publish(parent=HomePage.objects.get(), title="Vaccination", body="<p>x</p>")
    first, second = _worker(), _worker()
    assert first.returncode == 0 and second.returncode == 0, first.stderr[-2000:] + second.stderr[-2000:]
    call_command("periodic_jobs", "--job", "webhooks", stdout=open(os.devnull, "w"))  # noqa: SIM115
    assert len(received) == 1
    assert PeriodicJobRun.objects.get(name="webhooks").finished_at is not None


def test_a_task_of_a_schema_that_is_gone_fails_instead_of_running_in_public(queued):
    # An archived CPTS's task still in the queue: its search_path would fall through to public.
    row = DBTaskResult.objects.create(
        args_kwargs={"args": [], "kwargs": {}, "schema": "archivee"},
        task_path="content.webhooks.webhooks_send_due",
        queue_name="default",
        backend_name="default",
    )
    done = _worker()
    assert done.returncode == 0, done.stderr[-2000:]
    row.refresh_from_db()
    assert row.status == "FAILED" and row.exception_class_path.endswith("LookupError")


@pytest.mark.django_db
def test_the_daily_prune_of_task_results_passes_where_tasks_run_at_once():
    """The demo runs each task at once: the job said « not a database backend » and the command failed."""
    from io import StringIO

    output = StringIO()
    call_command("periodic_jobs", "--job", "task_results", "--force", stdout=output)
    assert PeriodicJobRun.objects.get(name="task_results").finished_at is not None
    assert "aucune file de tâches" in output.getvalue()
