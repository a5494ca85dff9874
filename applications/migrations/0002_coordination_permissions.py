"""The Coordination role of every CPTS reads and follows up applications.

The roles were installed before this app existed (team.migrations.0001_roles);
Coordination holds every permission of its schema, so it gets these too. The
group is named, not imported: a feature app does not import another.
"""

from django.db import migrations

COORDINATION = "Coordination"
CODENAMES = ("view_internshipapplication", "change_internshipapplication", "delete_internshipapplication")


def grant(apps, schema_editor):
    from tenants.permissions import permissions_create_now

    permissions_create_now(apps)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.filter(name=COORDINATION).first()
    if group is not None:
        group.permissions.add(
            *Permission.objects.filter(content_type__app_label="applications", codename__in=CODENAMES)
        )


class Migration(migrations.Migration):
    dependencies = [("applications", "0001_initial"), ("team", "0001_roles")]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
