"""The federation's roles, Analyste and Administration (network.federation_roles)."""

from django.db import migrations


def install(apps, schema_editor):
    from tenants.permissions import permissions_create_now
    from network.federation_roles import federation_roles_install

    permissions_create_now(apps)
    federation_roles_install(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("network", "0012_member_counts"),
        ("tenants", "0008_periodic_job_run"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("otp_totp", "0003_add_timestamps"),
        ("otp_static", "0003_add_timestamps"),
        ("axes", "0010_accessattemptexpiration"),
    ]

    operations = [migrations.RunPython(install, migrations.RunPython.noop)]
