"""The public side of an adhésion: the form, its receipt, a member's own record, leaving the directory.

Thin: forms check, services write. ``AdhesionPage`` (members.models.pages) routes here: these
functions read and write records only, so they never import the pages.
"""

from __future__ import annotations

from django.contrib.auth.forms import SetPasswordForm
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.cache import add_never_cache_headers

from content.contact import contact_post_refusal

from .accounts import member_from_password_link
from .attestation import attestation_pdf
from .forms import AdhesionForm
from .models.records import Membership
from .services import (
    RECORD_LINK_DAYS,
    application_submit,
    directory_consent_withdraw,
    member_record,
    membership_from_token,
)


def adhesion_form(request: HttpRequest, page) -> HttpResponse:
    form = AdhesionForm(request.POST or None)
    status = 200
    if request.method == "POST":
        # Checked once the form is valid: a typo corrected five times does not count as five posts.
        refusal = contact_post_refusal(request) if form.is_valid() else None
        if refusal is not None:
            form.add_error(None, refusal.message)
            status = refusal.status
        elif form.is_valid():
            try:
                application_submit(page=page, data=form.cleaned_data)
            except ValidationError as error:
                for field, messages in error.message_dict.items():
                    form.add_error(field, messages)
            else:
                return redirect(page.url + "merci/")
        if status == 200:
            status = 400
    return TemplateResponse(
        request, "members/adhesion_page.html", {"page": page, "form": form}, status=status
    )


def adhesion_received(request: HttpRequest, page) -> HttpResponse:
    return TemplateResponse(request, "members/adhesion_received.html", {"page": page})


def own_record(request: HttpRequest, page, token: str) -> HttpResponse:
    """A member's or applicant's whole record, as JSON, from the signed link they were sent."""
    membership = membership_from_token(token, "record", max_age_days=RECORD_LINK_DAYS)
    if membership is None:
        return TemplateResponse(request, "members/link_expired.html", {"page": page}, status=404)
    response = JsonResponse(member_record(membership), json_dumps_params={"ensure_ascii": False, "indent": 2})
    response["Content-Disposition"] = 'attachment; filename="mon-adhesion.json"'
    # A person's record: kept by no cache, shared or not (tenants.response_cache).
    add_never_cache_headers(response)
    return response


def leave_directory(request: HttpRequest, page, token: str) -> HttpResponse:
    membership = membership_from_token(token, "directory")
    if membership is None:
        return TemplateResponse(request, "members/link_expired.html", {"page": page}, status=404)
    done = False
    if request.method == "POST":
        directory_consent_withdraw(membership=membership)
        done = True
    return TemplateResponse(
        request, "members/leave_directory.html", {"page": page, "membership": membership, "done": done}
    )


def attestation(request: HttpRequest, page, token: str) -> HttpResponse:
    """A member's attestation, from the signed link of their acceptance e-mail."""
    membership = membership_from_token(token, "record", max_age_days=RECORD_LINK_DAYS)
    if membership is None or membership.status != Membership.Status.ACCEPTED:
        return TemplateResponse(request, "members/link_expired.html", {"page": page}, status=404)
    return attestation_response(membership, association=request.tenant.name)


def attestation_response(membership, *, association: str) -> HttpResponse:
    response = HttpResponse(
        attestation_pdf(membership, association=association), content_type="application/pdf"
    )
    response["Content-Disposition"] = 'attachment; filename="attestation-adhesion.pdf"'
    add_never_cache_headers(response)
    return response


def member_password(request: HttpRequest, page, uidb64: str, token: str) -> HttpResponse:
    """A member chooses the password of their account, from the link of their acceptance e-mail."""
    user = member_from_password_link(uidb64, token)
    if user is None:
        return TemplateResponse(request, "members/link_expired.html", {"page": page}, status=404)
    form = SetPasswordForm(user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        form.save()
        return redirect(f"{reverse('wagtailcore_login')}?next=/")
    return TemplateResponse(request, "members/member_password.html", {"page": page, "form": form})
