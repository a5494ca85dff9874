"""The federation's admin site: Django's admin plus the dashboards, behind two factors.

It is django-otp's ``OTPAdminSite``: after the password, the login form asks
for a code from the account's authenticator app or a recovery code
(``network.second_factor``), and a session that was not verified that way is
not staff here. ``FEDERATION_REQUIRE_2FA = False`` turns this off (never in
production). Imported when the admin is ready (``FederationAdminConfig``), not
while apps load: django-otp's admin needs its models.
"""

from django.conf import settings
from django.shortcuts import redirect
from django.urls import path
from django.utils.translation import gettext_lazy as _
from django_otp.admin import OTPAdminSite

from .federation_login import FederationLoginForm
from .permission_labels import FrenchPermissionsMixin

# django-otp's device screens are English through and through (labels, fieldsets, help texts) and
# show raw keys: staff enrol their own authenticator (network.staff_views) and the administration
# resets a lost one from the team screen, so these two are not registered here.
UNREGISTERED = {"otp_totp.TOTPDevice", "otp_static.StaticDevice"}

# django-otp and django-axes ship no French: their names in the admin's index and menus.
FRENCH_APP_NAMES = {
    "otp_static": _("Codes de secours"),
    "otp_totp": _("Applications d'authentification"),
    "axes": _("Tentatives de connexion"),
    "auth": _("Comptes et rôles"),
}
FRENCH_MODEL_NAMES = {
    "StaticDevice": _("Jeux de codes de secours"),
    "TOTPDevice": _("Applications d'authentification (TOTP)"),
    "AccessAttempt": _("Tentatives en cours"),
    "AccessFailureLog": _("Échecs de connexion"),
    "AccessLog": _("Connexions réussies"),
    "AccessAttemptExpiration": _("Expirations des tentatives"),
}


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

    def register(self, model_or_iterable, admin_class=None, **options):
        models = [model_or_iterable] if hasattr(model_or_iterable, "_meta") else list(model_or_iterable)
        for model in models:
            if model._meta.label in UNREGISTERED:
                continue
            if model._meta.label == "auth.Group" and admin_class is not None:
                admin_class = type("FederationGroupAdmin", (FrenchPermissionsMixin, admin_class), {})
            super().register(model, admin_class, **options)

    def get_app_list(self, request, app_label=None):
        """Django's list of apps and models, with French names for the libraries that ship none."""
        apps = super().get_app_list(request, app_label)
        for app in apps:
            app["name"] = FRENCH_APP_NAMES.get(app["app_label"], app["name"])
            for model in app["models"]:
                model["name"] = FRENCH_MODEL_NAMES.get(model["object_name"], model["name"])
        return apps

    def index(self, request, extra_context=None):
        """Django's index, with the network at a glance above the list of models."""
        from .selectors.federation_home import federation_home

        return super().index(request, {"home": federation_home(), **(extra_context or {})})

    def login(self, request, extra_context=None):
        """The password was right for an account still to enrol its authenticator: enrol it now."""
        from .staff_views import ENROLLING

        response = super().login(request, extra_context)
        form = (getattr(response, "context_data", None) or {}).get("form")
        enrolling = getattr(form, "enrolling", None)
        if enrolling is not None:
            request.session[ENROLLING] = enrolling.pk
            return redirect("admin:staff_second_factor")
        return response

    def get_urls(self):
        from .admin_views import campaigns_dashboard, coverage_dashboard
        from .staff_views import StaffPasswordChooseView, staff_index, staff_second_factor, staff_withdraw

        site = {"site": self}
        return [
            path("coverage/", self.admin_view(coverage_dashboard), name="network_coverage"),
            path("campaigns/", self.admin_view(campaigns_dashboard), name="network_campaigns"),
            path("staff/", self.admin_view(staff_index), site, name="staff_index"),
            path("staff/<int:pk>/withdraw/", self.admin_view(staff_withdraw), site, name="staff_withdraw"),
            # Reached from the invitation, before any session: the link's token says who.
            path(
                "staff/password/<uidb64>/<token>/",
                StaffPasswordChooseView.as_view(site=self),
                name="staff_password_choose",
            ),
            path("staff/second-factor/", staff_second_factor, site, name="staff_second_factor"),
            *super().get_urls(),
        ]
