"""Periodic jobs: one scheduler entry runs each job when it is due, once, even if started twice.

The operator's scheduler calls ``manage.py periodic_jobs`` every minute (one
systemd timer or cron line, ``deploy/``). Each job has a period; a run does the
jobs whose last start is at least that old. A job runs under a PostgreSQL
advisory lock named after it: a second ``periodic_jobs`` started while the
first still works skips that job instead of doing it twice, and a job killed
halfway releases its lock with its connection and runs again at the next call.
Each job is itself idempotent (it posts what is due, publishes what is
scheduled, deletes what has expired).

Needs: PostgreSQL. Offers: ``PeriodicJob``, ``periodic_jobs_run``; the jobs
themselves are declared by the wiring (``cpts_network.periodic``).
"""

from __future__ import annotations

import zlib
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import timedelta

from django.db import connection
from django.utils import timezone

from .models import PeriodicJobRun

LOCK_NAMESPACE = 0x43505453  # "CPTS": the first key of the two-key advisory lock


@dataclass(frozen=True)
class PeriodicJob:
    name: str
    every: timedelta
    run: Callable[[], str]  # does the work, returns a one-line summary


@contextmanager
def _job_lock(name: str) -> Iterator[bool]:
    key = zlib.crc32(name.encode()) & 0x7FFFFFFF
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_try_advisory_lock(%s, %s)", [LOCK_NAMESPACE, key])
        (taken,) = cursor.fetchone()
    try:
        yield taken
    finally:
        if taken:
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_unlock(%s, %s)", [LOCK_NAMESPACE, key])


def periodic_jobs_run(jobs: Iterable[PeriodicJob], *, force: bool = False) -> list[tuple[str, str]]:
    """Run the due ``jobs`` (all with ``force``), each once across processes; (name, what happened)."""
    done = []
    for job in jobs:
        with _job_lock(job.name) as taken:
            if not taken:
                done.append((job.name, "déjà en cours dans un autre processus"))
                continue
            now = timezone.now()
            last = PeriodicJobRun.objects.filter(name=job.name).first()
            if not force and last is not None and now - last.started_at < job.every:
                continue
            PeriodicJobRun.objects.update_or_create(
                name=job.name, defaults={"started_at": now, "finished_at": None, "summary": ""}
            )
            summary = job.run()[:300]
            PeriodicJobRun.objects.filter(name=job.name).update(finished_at=timezone.now(), summary=summary)
            done.append((job.name, summary))
    return done
