"""Reads on the CPTS registry (public schema)."""

from django.db.models import Prefetch, QuerySet

from .models import CPTS, Domain


def cpts_list() -> QuerySet[CPTS]:
    """Every CPTS with its domains, primary first, in one extra query."""
    return CPTS.objects.prefetch_related(
        Prefetch("domains", queryset=Domain.objects.order_by("-is_primary", "domain"))
    ).order_by("name")


def current_cpts() -> CPTS | None:
    """The CPTS whose schema is active, whether set by a request or by schema_context."""
    from django.db import connection

    tenant = connection.tenant
    if isinstance(tenant, CPTS):
        return tenant
    return CPTS.objects.filter(schema_name=connection.schema_name).first()
