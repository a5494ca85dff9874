"""The federation's admin app: Django's admin, on the site of ``network.federation_admin_site``."""

from django.contrib.admin.apps import AdminConfig


class FederationAdminConfig(AdminConfig):
    default_site = "network.federation_admin_site.FederationAdminSite"

    def ready(self) -> None:
        super().ready()  # autodiscovers every app's admin.py, tenant apps included
        # Tenant apps (Wagtail's documents and images, taggit…) register models
        # whose tables do not exist in the public schema: keep them out.
        from django.apps import apps
        from django.conf import settings

        public_labels = {app.label for app in apps.get_app_configs() if app.name in settings.SHARED_APPS}
        for model in list(self.module.site._registry):
            if model._meta.app_label not in public_labels:
                self.module.site.unregister(model)
        # The task queue's rows are the operator's, read in English with SQL (docs/operating/
        # background-work.md), not the federation's work: its French admin leaves them out.
        from django_tasks_db.models import DBTaskResult

        if self.module.site.is_registered(DBTaskResult):
            self.module.site.unregister(DBTaskResult)
        # Accounts are deleted through a collector bound to the public schema.
        from django.contrib.auth import get_user_model

        from network.federation_accounts import FederationUserAdmin

        user = get_user_model()
        if self.module.site.is_registered(user):
            self.module.site.unregister(user)
        self.module.site.register(user, FederationUserAdmin)
