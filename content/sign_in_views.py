"""The CPTS admin's "Connexions" screen: who is locked out, recent failures, unlock."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .sign_in import ACCOUNTS_PERMISSION, sign_in_failures, sign_in_lockouts, sign_in_unlock


def _administrators_only(request) -> None:
    # Those who manage accounts (team.roles: Coordination; a CPTS's superusers).
    if not request.user.has_perm(ACCOUNTS_PERMISSION):
        raise PermissionDenied


def sign_in_index(request):
    _administrators_only(request)
    return TemplateResponse(
        request,
        "content/admin/sign_ins.html",
        {"lockouts": sign_in_lockouts(), "failures": sign_in_failures(), "header_title": _("Connexions")},
    )


@require_POST
def sign_in_unlock_view(request, attempt_id: int):
    _administrators_only(request)
    attempt = sign_in_unlock(attempt_id=attempt_id, by=request.user)
    if attempt is not None:
        messages.success(
            request,
            _("Connexions de « %(who)s » débloquées.") % {"who": attempt.username or attempt.ip_address},
        )
    return redirect("content_sign_ins")
