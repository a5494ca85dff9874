"""CORS: a CPTS's API answers its own configured front-end origins, and no others."""

from tenants.models import CPTS


def allow_cpts_frontend(sender, request, **kwargs) -> bool:
    tenant = getattr(request, "tenant", None)
    origin = request.headers.get("Origin", "")
    return isinstance(tenant, CPTS) and origin.rstrip("/") in {o.rstrip("/") for o in tenant.frontend_origins}
