"""Receivers: interfaces that hand lifecycle events to services."""

from .services import site_provision


def provision_site(sender, tenant, **kwargs) -> None:
    """A new CPTS schema gets its home page and Site (sent inside that schema)."""
    site_provision(name=tenant.name, hostname=tenant.primary_host or tenant.domains.first().domain)
