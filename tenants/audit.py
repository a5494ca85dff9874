"""The network's audit log: record what changed, and read it (public schema).

Who acted is not a parameter of every service: ``AuditActorMiddleware`` puts
the signed-in account of the request in a context variable, and a command
leaves it at « commande ». ``audit_record`` writes through the public schema's
table whichever schema is active (``public.`` is on every search_path), in
the caller's transaction, so a change and its entry commit together.

Offers: ``audit_record`` (service), ``audit_entries`` (selector),
``acting_as`` (for tests and commands that act for someone).
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import date

from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse

from .models import AuditEntry
from .spreadsheets import spreadsheet_cell

COMMAND = "commande"
ANONYMOUS = "anonyme"
# A callable, not a name: the request's user is only looked up when something is recorded.
_actor: ContextVar[Callable[[], str]] = ContextVar("audit_actor", default=lambda: COMMAND)


@contextmanager
def acting_as(actor: str | Callable[[], str]) -> Iterator[None]:
    token = _actor.set(actor if callable(actor) else lambda: actor)
    try:
        yield
    finally:
        _actor.reset(token)


def audit_record(*, action: str, cpts: str = "", summary: str, data: dict | None = None) -> AuditEntry:
    return AuditEntry.objects.create(
        actor=_actor.get()()[:254], action=action, cpts=cpts, summary=summary[:300], data=data or {}
    )


def audit_entries(
    *, cpts: str | None = None, action: str | None = None, since: date | None = None
) -> QuerySet[AuditEntry]:
    entries = AuditEntry.objects.all()
    if cpts is not None:
        entries = entries.filter(cpts=cpts)
    if action:
        entries = entries.filter(action=action)
    if since:
        entries = entries.filter(at__date__gte=since)
    return entries


class AuditActorMiddleware:
    """After authentication: the request's account is who acts, in the audit log."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        def who() -> str:
            user = getattr(request, "user", None)
            return user.get_username() if user is not None and user.is_authenticated else ANONYMOUS

        with acting_as(who):
            return self.get_response(request)


def audit_csv_response(entries: QuerySet[AuditEntry], *, filename: str) -> HttpResponse:
    """The entries as a spreadsheet-safe CSV download (a formula-like summary is written as text)."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.write("\ufeff")
    writer = csv.writer(response, delimiter=";")
    writer.writerow(["date", "action", "cpts", "par", "résumé"])
    for entry in entries.order_by("-at", "-id"):
        writer.writerow(
            spreadsheet_cell(value)
            for value in (
                entry.at.isoformat(),
                entry.get_action_display(),
                entry.cpts,
                entry.actor,
                entry.summary,
            )
        )
    return response
