"""The federation's two roles, as Django groups of the public schema with model permissions.

- **Analyste**: reads everything the federation's admin shows (CPTS, hosts,
  archives, the journal, reference data, grids, themes and kits; the coverage
  and campaign dashboards, maps and exports are open to any staff account) and
  changes nothing;
- **Administration**: creates, changes, archives and restores CPTS, edits grids,
  themes and kits, and manages the federation's accounts and their second
  factors.

Both sign in with the second factor (``network.federation_admin_site``): a role
never replaces it. ``federation_roles_install`` takes an app registry so its
data migration and a running install share one definition.

Needs: ``tenants``' models, Django's auth. Offers: ``ANALYST``, ``ADMINISTRATION``,
``federation_roles_install``.
"""

from __future__ import annotations

from django.apps import apps as django_apps

ANALYST = "Analyste"
ADMINISTRATION = "Administration"
# Apps whose objects the federation's admin shows.
FEDERATION_APPS = ("tenants", "network", "syndication", "search")
# What the administration manages beyond them: accounts, their groups and second factors, lockouts.
ACCOUNT_APPS = ("auth", "otp_totp", "otp_static", "axes")


def federation_roles_install(apps=django_apps) -> None:
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ours = Permission.objects.filter(content_type__app_label__in=FEDERATION_APPS)
    analyst, _ = Group.objects.get_or_create(name=ANALYST)
    analyst.permissions.set(ours.filter(codename__startswith="view_"))
    administration, _ = Group.objects.get_or_create(name=ADMINISTRATION)
    administration.permissions.set(
        Permission.objects.filter(content_type__app_label__in=FEDERATION_APPS + ACCOUNT_APPS)
    )
