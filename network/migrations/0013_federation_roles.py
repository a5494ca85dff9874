"""The federation's roles, Analyste and Administration (network.federation_roles)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations


def install(apps, schema_editor):
    from network.federation_roles import federation_roles_install

    # Django creates permissions after every migration; the roles need them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
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
