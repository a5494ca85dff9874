"""What the CPTS commands share: finding the CPTS a command names."""

from django.core.management.base import CommandError

from tenants.models import CPTS


def cpts_named(short_name: str) -> CPTS:
    """The CPTS of that short name, or the command stops with a one-line message."""
    try:
        return CPTS.objects.get(short_name=short_name)
    except CPTS.DoesNotExist as error:
        raise CommandError(f"Aucune CPTS « {short_name} ».") from error
