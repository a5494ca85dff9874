"""The federation's admin site: Django's admin plus the dashboards, behind two factors.

It is django-otp's ``OTPAdminSite``: after the password, the login form asks
for a code from the account's authenticator app or a recovery code
(``network.second_factor``), and a session that was not verified that way is
not staff here. ``FEDERATION_REQUIRE_2FA = False`` turns this off (never in
production). Imported when the admin is ready (``FederationAdminConfig``), not
while apps load: django-otp's admin needs its models.
"""

from django.conf import settings
from django.urls import path
from django.utils.translation import gettext_lazy as _
from django_otp.admin import OTPAdminSite

from .federation_login import FederationLoginForm


class FederationAdminSite(OTPAdminSite):
    login_form = FederationLoginForm
    login_template = "admin/federation_login.html"
    site_header = _("Fédération des CPTS")
    site_title = _("Fédération des CPTS")
    index_title = _("Administration du réseau")

    def __init__(self, name: str = "admin") -> None:
        super().__init__(name)
        if not settings.FEDERATION_REQUIRE_2FA:
            from django.contrib.admin.forms import AdminAuthenticationForm

            self.login_form = AdminAuthenticationForm
            self.login_template = None

    def has_permission(self, request) -> bool:
        if not settings.FEDERATION_REQUIRE_2FA:
            return request.user.is_active and request.user.is_staff
        return super().has_permission(request)

    def get_urls(self):
        from .admin_views import campaigns_dashboard, coverage_dashboard

        return [
            path("coverage/", self.admin_view(coverage_dashboard), name="network_coverage"),
            path("campaigns/", self.admin_view(campaigns_dashboard), name="network_campaigns"),
            *super().get_urls(),
        ]
