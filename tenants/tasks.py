"""Wagtail's background work, run at once in the schema that asked for it, or held by a long write.

Wagtail 8 enqueues search-index, reference-index and file-cleanup work through
django-tasks, and its tasks carry no schema: a worker would run them in the
public one. They therefore run immediately, in the caller's schema
(``tenants.checks``, E003). ``HoldingImmediateBackend`` is django-tasks'
immediate backend with one addition: inside ``tasks_held(task, ...)`` the
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

from django_tasks.backends.immediate import ImmediateBackend


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
