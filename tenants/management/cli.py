"""What the CPTS commands share: finding the CPTS a command names, or visiting them all."""

from collections.abc import Iterator

from django.core.management.base import CommandError
from django.db.models import QuerySet

from tenants.models import CPTS


def cpts_named(short_name: str) -> CPTS:
    """The CPTS of that short name, or the command stops with a one-line message."""
    try:
        return CPTS.objects.get(short_name=short_name)
    except CPTS.DoesNotExist as error:
        raise CommandError(f"Aucune CPTS « {short_name} ».") from error


def cpts_selected(short_name: str | None = None, *, queryset: QuerySet[CPTS] | None = None) -> Iterator[CPTS]:
    """The CPTS a command visits: the one named, or every CPTS (of ``queryset``) by short name.

    The public schema stays active between them: each step that needs a CPTS's
    schema enters it itself (``schema_context``), and leaves it.
    """
    if short_name:
        yield cpts_named(short_name)
        return
    yield from (CPTS.objects.all() if queryset is None else queryset).order_by("short_name").iterator()
