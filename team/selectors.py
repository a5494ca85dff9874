"""Reads on a CPTS's team: who has which role."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db.models import QuerySet

from .roles import ROLE_NAMES


def team_members() -> QuerySet:
    """Accounts with at least one role, with their roles, by address."""
    return (
        get_user_model()
        .objects.filter(groups__name__in=ROLE_NAMES)
        .distinct()
        .prefetch_related("groups")
        .order_by("email", "username")
    )
