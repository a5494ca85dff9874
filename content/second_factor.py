"""Optional two-factor sign-in for CPTS accounts, in the CPTS's Wagtail admin.

An account that turned it on (*Compte › Double authentification*) is asked,
at sign-in, for a code from its authenticator app or a recovery code;
the others sign in with their password as before. The code is checked in the
login form itself, so no session exists before both factors passed.

Needs: ``network.second_factor`` (services), django-otp in TENANT_APPS.
"""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_otp import user_has_device
from wagtail.admin.forms.auth import LoginForm

from network.second_factor import (
    second_factor_confirm,
    second_factor_device,
    second_factor_pending,
    second_factor_remove,
    second_factor_start,
    second_factor_status,
)


class CPTSLoginForm(LoginForm):
    """Wagtail's login form, plus the code of an account that asked for a second factor."""

    otp_token = forms.CharField(
        label=gettext_lazy("Code de vérification"),
        required=False,
        help_text=gettext_lazy(
            "Si vous avez activé la double authentification : 6 chiffres ou un code de secours."
        ),
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code"}),
    )

    def clean(self):
        cleaned = super().clean()
        user = self.get_user()
        if user is None or not user_has_device(user, confirmed=True):
            return cleaned
        code = (cleaned.get("otp_token") or "").strip()
        device = second_factor_device(user=user, code=code) if code else None
        if device is None or not device.verify_token(code):
            self.user_cache = None
            raise forms.ValidationError(
                _("Ce compte demande un code : celui de votre application, ou un code de secours."),
                code="otp_required",
            )
        user.otp_device = device  # django-otp marks the session verified when Wagtail logs in
        return cleaned


def second_factor_settings(request):
    """Turn the second factor on (key, first code, recovery codes once) or off (with a code)."""
    user = request.user
    context = {"header_title": _("Double authentification"), "recovery_codes": None}
    if request.method == "POST":
        action, code = request.POST.get("action"), request.POST.get("code", "")
        if action == "start":
            second_factor_start(user=user)
        elif action == "confirm":
            codes = second_factor_confirm(user=user, code=code)
            if codes is None:
                messages.error(request, _("Code incorrect : vérifiez l'heure du téléphone et réessayez."))
            else:
                context["recovery_codes"] = codes
        elif action == "remove":
            if second_factor_remove(user=user, code=code):
                messages.success(request, _("Double authentification désactivée."))
                return redirect("content_second_factor")
            messages.error(request, _("Code incorrect : la double authentification reste active."))
    context["active"] = second_factor_status(user=user)
    context["pending"] = None if context["recovery_codes"] else second_factor_pending(user=user)
    return TemplateResponse(request, "content/admin/second_factor.html", context)
