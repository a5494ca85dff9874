"""The four roles and the bureau's workflow in every CPTS schema (the template's included).

Django creates permissions after all migrations (``post_migrate``); the roles
grant some of them, so this migration creates them first, the way Django will.
"""

from django.db import migrations


def install(apps, schema_editor):
    from tenants.permissions import permissions_create_now
    from team.roles import roles_install

    permissions_create_now(apps)
    roles_install(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailadmin", "0006_formstate"),
        ("content", "0012_webhook_url_public_only"),
        # Coordination is granted every permission that exists when this runs, and the Bureau the
        # adhésions': the tenant apps' models of the time must exist first. Stated, not left to the
        # graph's order, which a new app changes (apps added since grant their own, in their migrations).
        ("members", "0004_unlink_editor_accounts"),
        ("prevention", "0002_kit_without_constraint_across_schemas"),
        ("site_import", "0001_initial"),
    ]

    operations = [migrations.RunPython(install, migrations.RunPython.noop)]
