"""CORS: a CPTS's API answers its own configured front-end origins, and no others."""

from tenants.models import CPTS


def allow_cpts_frontend(sender, request, **kwargs) -> bool:
    origin = request.headers.get("Origin", "")
    if not origin:
        # No cross-origin request: do not load the CPTS's fields for nothing.
        return False
    tenant = getattr(request, "tenant", None)
    return isinstance(tenant, CPTS) and origin.rstrip("/") in {o.rstrip("/") for o in tenant.frontend_origins}
