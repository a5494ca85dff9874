"""The federation admin's login form: password, then one code, whichever kind it is."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django_otp.admin import OTPAdminAuthenticationForm

from .second_factor import second_factor_device, second_factor_pending, second_factor_status


class FederationLoginForm(OTPAdminAuthenticationForm):
    """django-otp's admin form, without making people pick a device from a list.

    django-otp asks for an explicit device so that a wrong code never counts
    against the others; the code's shape (six digits from the app, or a
    recovery code) names the device just as explicitly.
    """

    otp_error_messages = {
        **OTPAdminAuthenticationForm.otp_error_messages,
        "token_required": _(
            "Saisissez le code de votre application d'authentification ou un code de secours."
        ),
        "invalid_token": _("Code de vérification incorrect ou déjà utilisé."),
        "device_required": _(
            "Ce compte n'a pas de double authentification : demandez-la à un administrateur."
        ),
        "n_failed_attempts": _("Trop de codes erronés : réessayez dans %(failure_count)d secondes."),
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["otp_token"].label = _("Code de vérification")
        self.fields["otp_token"].help_text = _("Six chiffres de l'application, ou un code de secours.")
        self.fields["otp_token"].widget = forms.TextInput(attrs={"autocomplete": "one-time-code"})
        self.fields["otp_device"].widget = forms.HiddenInput()
        self.fields["otp_challenge"].widget = forms.HiddenInput()

    def clean_otp(self, user):
        """An invited account that chose its password but has no confirmed authenticator yet:
        the admin site sends it to enrol one (``enrolling``) instead of asking for a code."""
        if user is not None and second_factor_status(user=user) is None and second_factor_pending(user=user):
            self.enrolling = user
            raise forms.ValidationError(
                _("Ajoutez d'abord votre application d'authentification."), code="enrolment_pending"
            )
        return super().clean_otp(user)

    def _chosen_device(self, user):
        return second_factor_device(user=user, code=self.cleaned_data.get("otp_token"))
