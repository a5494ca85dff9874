"""Reads on the CPTS registry (public schema), and which CPTS's schema is active."""

from django.db import connection
from django.db.models import Prefetch, QuerySet

from .models import CPTS, Domain


class SchemaNotActiveError(RuntimeError):
    """A function scoped to one CPTS was called while another schema was active."""


def active_cpts() -> CPTS:
    """The CPTS whose schema is active; refuses the public schema (or a schema without a CPTS)."""
    cpts = current_cpts()
    if cpts is None:
        raise SchemaNotActiveError(
            f"Aucune CPTS active (schéma « {connection.schema_name} ») : entrez d'abord dans son schéma."
        )
    return cpts


def require_schema(cpts: CPTS) -> None:
    """Stops a function scoped to ``cpts`` called outside its schema: it would read another's rows."""
    if connection.schema_name != cpts.schema_name:
        raise SchemaNotActiveError(
            f"Le schéma de la CPTS « {cpts.short_name} » doit être actif "
            f"(actif : « {connection.schema_name} ») : entrez dans son schéma (schema_context)."
        )


def cpts_list() -> QuerySet[CPTS]:
    """Every CPTS with its domains, primary first, in one extra query."""
    return CPTS.objects.prefetch_related(
        Prefetch("domains", queryset=Domain.objects.order_by("-is_primary", "domain"))
    ).order_by("name")


def current_cpts() -> CPTS | None:
    """The CPTS whose schema is active, whether set by a request or by schema_context."""
    tenant = connection.tenant
    if isinstance(tenant, CPTS):
        return tenant
    return CPTS.objects.filter(schema_name=connection.schema_name).first()
