"""Memberships linked to an account that is more than a member's are unlinked.

Before 0.3, accepting an application linked the member to any account whose
username equalled the applicant's address case-insensitively (and with
PostgreSQL's Unicode folding), so a look-alike address could be handed an
editor's account. This migration undoes such links: the account leaves the
members' group and the membership keeps no account. It deletes nothing; the
CHANGELOG tells operators to review the accounts it names on its output.
"""

from django.db import migrations

MEMBERS_GROUP = "Adhérents"


def unlink(apps, schema_editor):
    Membership = apps.get_model("members", "Membership")
    Group = apps.get_model("auth", "Group")
    group = Group.objects.filter(name=MEMBERS_GROUP).first()
    for membership in Membership.objects.exclude(user=None).select_related("user"):
        user = membership.user
        other_roles = (
            user.is_staff
            or user.is_superuser
            or user.user_permissions.exists()
            or user.groups.exclude(name=MEMBERS_GROUP).exists()
        )
        if not other_roles:
            continue
        print(  # noqa: T201 - an operator reads this once, in migrate_schemas' output
            f"\n  [{schema_editor.connection.schema_name}] compte « {user.username} » détaché "
            f"de l'adhésion {membership.pk} : à vérifier."
        )
        if group is not None:
            user.groups.remove(group)
        membership.user = None
        membership.save(update_fields=["user"])


class Migration(migrations.Migration):
    dependencies = [("members", "0003_decision_edit")]

    operations = [migrations.RunPython(unlink, migrations.RunPython.noop)]
