"""The *Équipe* screens of a CPTS's admin: who has which role, invite, withdraw."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tenants.services import public_url

from .forms import InvitationForm
from .roles import ROLE_NAMES, ROLES
from .selectors import team_members
from .services import team_member_invite, team_role_withdraw


def _can_manage(request) -> None:
    if not request.user.has_perms(["auth.add_user", "auth.change_user"]):
        raise PermissionDenied


def team_index(request):
    _can_manage(request)
    form = InvitationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            team_member_invite(
                email=form.cleaned_data["email"],
                role=form.cleaned_data["role"],
                site_name=request.tenant.name,
                # The CPTS's own address, never the request's Host header.
                base_url=public_url(request.tenant.primary_host, ""),
                by=request.user.get_full_name() or request.user.email or request.user.get_username(),
            )
        except ValidationError as error:
            # Field errors (« email », « role ») under their field; nothing was saved.
            for field, errors in error.message_dict.items():
                for message in errors:
                    form.add_error(field if field in form.fields else None, message)
        else:
            messages.success(request, _("Invitation envoyée."))
            return redirect("team_index")
    return TemplateResponse(
        request,
        "team/index.html",
        {"form": form, "members": team_members(), "roles": ROLES, "role_names": ROLE_NAMES},
        status=400 if form.errors else 200,
    )


@require_POST
def team_withdraw(request, pk: int):
    _can_manage(request)
    user = get_object_or_404(get_user_model(), pk=pk)
    try:
        team_role_withdraw(user=user, role=request.POST.get("role", ""), by=request.user)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("Rôle retiré."))
    return redirect("team_index")
