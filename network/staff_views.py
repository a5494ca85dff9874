"""The federation admin's staff screens: who has which role, invite, withdraw; choose a password, enrol.

``staff_index`` and ``staff_withdraw`` sit behind the admin's own check (two
factors) and ask for the right to manage accounts, which only Administration
holds. ``StaffPasswordChooseView`` (the invitation's one-time link) and
``staff_second_factor`` are reached without a session: the link's token, then
the session key it sets, say who is enrolling. The account is signed in only
once its first authenticator code is confirmed, so the password alone never
opens the admin.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model, login
from django.contrib.auth.views import INTERNAL_RESET_SESSION_TOKEN, PasswordResetConfirmView
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from tenants.services import public_url

from .second_factor import second_factor_confirm, second_factor_pending, second_factor_start
from .staff_invitations import (
    ROLE_DESCRIPTIONS,
    STAFF_ROLES,
    StaffInvitationForm,
    staff_member_invite,
    staff_members,
    staff_role_withdraw,
    staff_second_factor_reset,
)

# The account that chose its password (or signed in with it) and must now enrol its authenticator.
ENROLLING = "federation_staff_enrolling"
MODEL_BACKEND = "django.contrib.auth.backends.ModelBackend"


def _can_manage(request) -> None:
    if not request.user.has_perms(["auth.add_user", "auth.change_user"]):
        raise PermissionDenied


def staff_index(request, site):
    _can_manage(request)
    form = StaffInvitationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            staff_member_invite(
                email=form.cleaned_data["email"],
                role=form.cleaned_data["role"],
                # The federation's own address, never the request's Host header.
                base_url=public_url(settings.FEDERATION_HOSTS[0], ""),
                by=request.user.get_full_name() or request.user.get_username(),
            )
        except ValidationError as error:
            # Under their field (« email », « role »); nothing was saved.
            form.add_error(None, error)
        else:
            messages.success(request, _("Invitation envoyée."))
            return redirect("admin:staff_index")
    context = {
        **site.each_context(request),
        "title": _("Équipe de la fédération"),
        "form": form,
        "members": staff_members(),
        "roles": ROLE_DESCRIPTIONS,
        "staff_roles": STAFF_ROLES,
    }
    return TemplateResponse(request, "admin/staff/index.html", context, status=400 if form.errors else 200)


@require_POST
def staff_withdraw(request, pk: int, site=None):
    _can_manage(request)
    try:
        user = get_object_or_404(get_user_model(), pk=pk)
        if request.POST.get("action") == "reset_second_factor":
            staff_second_factor_reset(user=user, by=request.user)
            messages.success(request, _("Double authentification réinitialisée."))
        else:
            staff_role_withdraw(user=user, role=request.POST.get("role", ""), by=request.user)
            messages.success(request, _("Rôle retiré."))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("admin:staff_index")


class StaffPasswordChooseView(PasswordResetConfirmView):
    """Django's password-reset confirmation, as the invitation's step one; step two is the second factor."""

    template_name = "admin/staff/password_choose.html"
    site = None

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), **self.site.each_context(self.request)}

    def form_valid(self, form):
        user = form.save()
        # The token is dead now (it hashes the password); what follows is bound to this session.
        self.request.session.pop(INTERNAL_RESET_SESSION_TOKEN, None)
        second_factor_start(user=user)
        self.request.session[ENROLLING] = user.pk
        return redirect("admin:staff_second_factor")


@never_cache
def staff_second_factor(request, site):
    """Enrol the authenticator app: its first code confirms it and signs the account in, both factors."""
    user = get_user_model().objects.filter(pk=request.session.get(ENROLLING), is_active=True).first()
    if user is None:
        return redirect("admin:login")
    pending = second_factor_pending(user=user) or second_factor_start(user=user)
    context = {**site.each_context(request), "title": _("Double authentification"), "pending": pending}
    if request.method == "POST":
        codes = second_factor_confirm(user=user, code=request.POST.get("code", ""))
        if codes is None:
            context["error"] = _(
                "Code incorrect : saisissez les six chiffres affichés maintenant par l'application."
            )
            return TemplateResponse(request, "admin/staff/second_factor.html", context, status=400)
        del request.session[ENROLLING]
        login(request, user, backend=MODEL_BACKEND)
        otp_login(request, TOTPDevice.objects.get(user=user, confirmed=True))
        context.update(recovery_codes=codes, admin_url=reverse("admin:index"))
    return TemplateResponse(request, "admin/staff/second_factor.html", context)
