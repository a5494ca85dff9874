"""Every existing CPTS site gets its three legal pages, written from its data.

Runs in each schema (the template's included, which has no CPTS row and no
home page of ours: nothing to do there). It uses the live models and the
service, as ``team``'s roles migration does, because pages are made through
Wagtail's tree and revisions, which historical models do not carry.
"""

from django.db import connection, migrations


def grant_identity(apps, schema_editor):
    """Whoever may change the association may change the site's identity (Coordination).

    A new schema's roles take every permission when they are installed; existing
    roles were installed before this model existed."""
    from tenants.permissions import permissions_create_now

    permissions_create_now(apps)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    identity = Permission.objects.filter(
        content_type__app_label="content", content_type__model="siteidentity"
    )
    for group in Group.objects.filter(
        permissions__codename="change_association", permissions__content_type__app_label="content"
    ):
        group.permissions.add(*identity)


def provision(apps, schema_editor):
    from content.models import HomePage
    from content.services.identity import legal_pages_provision
    from tenants.models import CPTS

    cpts = CPTS.objects.filter(schema_name=connection.schema_name).first()
    if cpts is None or not HomePage.objects.exists():
        return
    legal_pages_provision(cpts=cpts)


class Migration(migrations.Migration):
    dependencies = [("content", "0013_site_identity_legal_pages")]

    operations = [
        migrations.RunPython(grant_identity, migrations.RunPython.noop),
        migrations.RunPython(provision, migrations.RunPython.noop),
    ]
