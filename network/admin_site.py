"""The federation's admin site: Django's admin plus the coverage dashboard."""

from django.contrib import admin
from django.contrib.admin.apps import AdminConfig
from django.urls import path
from django.utils.translation import gettext_lazy as _


class FederationAdminSite(admin.AdminSite):
    site_header = _("Fédération des CPTS")
    site_title = _("Fédération des CPTS")
    index_title = _("Administration du réseau")

    def get_urls(self):
        from .admin_views import campaigns_dashboard, coverage_dashboard

        return [
            path("coverage/", self.admin_view(coverage_dashboard), name="network_coverage"),
            path("campaigns/", self.admin_view(campaigns_dashboard), name="network_campaigns"),
            *super().get_urls(),
        ]


class FederationAdminConfig(AdminConfig):
    default_site = "network.admin_site.FederationAdminSite"

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
