"""Links in the CPTS admin's e-mails point at the CPTS's own host.

Wagtail builds the links of its e-mails (password reset, moderation
notifications) from one setting, ``WAGTAILADMIN_BASE_URL``, through the
``base_url_setting`` template tag. One install serves every CPTS on its own
host, so a single value sends a Metz coordinator's reset token to the
federation's host, where the link fails (and the token travels to a host that
has no business seeing it). The tag is registered again, under the same name
in Wagtail's own tag library, to answer the primary domain of the CPTS whose
schema is active; outside a CPTS (the public schema, a command with no
tenant) it answers the setting, as Wagtail does.
"""

from __future__ import annotations

from django.conf import settings
from django.db import connection

from tenants.models import CPTS
from tenants.services import public_url


def cpts_admin_base_url(default: str | None = None) -> str | None:
    """``http(s)://<primary domain of the active CPTS>[:port]``, without a trailing slash."""
    tenant = getattr(connection, "tenant", None)
    host = tenant.primary_host if isinstance(tenant, CPTS) else None
    if host:
        return public_url(host, "")
    return getattr(settings, "WAGTAILADMIN_BASE_URL", None) or default


def install() -> None:
    """Replace ``base_url_setting`` in Wagtail's admin tag library (called from ``ready()``)."""
    from wagtail.admin.templatetags import wagtailadmin_tags

    wagtailadmin_tags.register.simple_tag(cpts_admin_base_url, name="base_url_setting")
