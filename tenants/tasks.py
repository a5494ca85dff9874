"""Background work, in the schema that asked for it: at once (demo, tests) or by a worker (production).

Wagtail 8 enqueues search-index, reference-index and file-cleanup work through
django-tasks, and its tasks carry no schema: a plain worker would run them in
the public one (``tenants.checks``, E003). Two backends keep the schema:

- ``HoldingImmediateBackend`` runs each task at once, in the caller's schema;
- ``SchemaCarryingDatabaseBackend`` (django-tasks-db's ORM backend) writes each
  task to the queue table, in the public schema, with the schema active when
  it was enqueued; ``manage.py task_worker`` runs it there, later, in another
  process. Nothing slow then runs inside a request.

Both add one thing: inside ``tasks_held(task, ...)`` the
calls of those tasks are recorded instead of run, each distinct call once,
for the block's owner to do their work in bulk when it ends. An import of
500 pages saves each page three times, and indexing it each time cost more
than a quarter of the import (bench/README.md).

With django-tasks' own immediate backend nothing is held: every call runs at
once, as before, and ``tasks_held`` gives back no calls.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field

from django.db import connection
from django_tasks.backends.immediate import ImmediateBackend
from django_tasks_db.backend import DatabaseBackend
from django_tasks_db.compat import normalize_json
from django_tasks_db.models import DBTaskResult
from django_tenants.utils import get_public_schema_name

# The key of the queued row's JSON that names the schema to run the task in.
SCHEMA_KEY = "schema"


@dataclass
class HeldCalls:
    """The distinct (args, kwargs) each held task was enqueued with, in order."""

    module_paths: frozenset[str]
    calls: dict[str, list[tuple[tuple, dict]]] = field(default_factory=dict)
    _seen: set[str] = field(default_factory=set)

    def record(self, module_path: str, args: tuple, kwargs: dict) -> None:
        key = repr((module_path, args, sorted(kwargs.items())))
        if key not in self._seen:
            self._seen.add(key)
            self.calls.setdefault(module_path, []).append((args, kwargs))

    def of(self, task) -> list[tuple[tuple, dict]]:
        return self.calls.get(task.module_path, [])


_holding: ContextVar[HeldCalls | None] = ContextVar("tenants_tasks_holding", default=None)


@contextmanager
def tasks_held(*tasks) -> Iterator[HeldCalls]:
    """Record, instead of running, the calls of ``tasks`` enqueued in this block (this thread only)."""
    held = HeldCalls(frozenset(task.module_path for task in tasks))
    token = _holding.set(held)
    try:
        yield held
    finally:
        _holding.reset(token)


class HoldingImmediateBackend(ImmediateBackend):
    def _execute_task(self, task_result) -> None:
        # The one step between building the result and running the task (django-tasks' enqueue).
        held = _holding.get()
        if held is not None and task_result.task.module_path in held.module_paths:
            held.record(task_result.task.module_path, task_result.args, task_result.kwargs)
            return
        super()._execute_task(task_result)


class SchemaCarryingDatabaseBackend(DatabaseBackend):
    """django-tasks-db's queue, each row carrying the schema it was enqueued in (``SCHEMA_KEY``)."""

    def _task_to_db_task(self, task, args, kwargs) -> DBTaskResult:
        held = _holding.get()
        if held is not None and task.module_path in held.module_paths:
            held.record(task.module_path, tuple(args), dict(kwargs))
            # Not saved: nothing for the worker to run, but enqueue() still answers a result.
            return DBTaskResult(
                id=self._get_id(),
                args_kwargs={"args": list(args), "kwargs": kwargs},
                task_path=task.module_path,
                queue_name=task.queue_name,
                backend_name=self.alias,
            )
        # django-tasks-db's own row, with the schema beside the arguments (one INSERT).
        return DBTaskResult.objects.create(
            id=self._get_id(),
            args_kwargs=normalize_json({"args": args, "kwargs": kwargs, SCHEMA_KEY: connection.schema_name}),
            priority=task.priority,
            task_path=task.module_path,
            queue_name=task.queue_name,
            run_after=task.run_after,
            backend_name=self.alias,
        )

    async def _atask_to_db_task(self, task, args, kwargs) -> DBTaskResult:
        raise NotImplementedError("Enqueue from synchronous code: the schema is read from the connection.")


def task_schema(queued: DBTaskResult) -> str:
    """The schema a queued task runs in; the public one for a row written before schemas were kept."""
    return queued.args_kwargs.get(SCHEMA_KEY) or get_public_schema_name()
