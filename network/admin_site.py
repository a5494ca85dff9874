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
        from .admin_views import coverage_dashboard

        return [
            path("coverage/", self.admin_view(coverage_dashboard), name="network_coverage"),
            *super().get_urls(),
        ]


class FederationAdminConfig(AdminConfig):
    default_site = "network.admin_site.FederationAdminSite"
