"""The member's own directory entry, in the members' area: from a signed e-mailed link or signed in.

Thin: ``DirectoryEntryForm`` checks, ``members.directory_services`` writes.
Every answer here is about one member: never kept by a cache (the forms set
the CSRF cookie, and the headers say so for the rest).
"""

from __future__ import annotations

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers

from .directory_services import directory_entry_update, new_patients_confirm, new_patients_shown_until
from .forms import DirectoryEntryForm
from .models.records import Membership
from .services import ENTRY_LINK_DAYS, membership_from_token


def _private(response: HttpResponse) -> HttpResponse:
    add_never_cache_headers(response)
    return response


def _expired(request: HttpRequest, page) -> HttpResponse:
    return _private(TemplateResponse(request, "members/link_expired.html", {"page": page}, status=404))


def _entry_context(page, member: Membership, **extra) -> dict:
    confirmed = member.new_patients_confirmed_on
    return {
        "page": page,
        "membership": member,
        "shown_until": new_patients_shown_until(confirmed) if confirmed else None,
        **extra,
    }


def directory_entry_form(request: HttpRequest, page, member: Membership) -> HttpResponse:
    if not member.in_directory:
        context = _entry_context(page, member)
        return _private(TemplateResponse(request, "members/directory_entry.html", context))
    form = DirectoryEntryForm(request.POST or None, membership=member)
    saved, status = False, 200
    if request.method == "POST":
        if form.is_valid():
            try:
                member = directory_entry_update(membership=member, **form.entry())
            except ValidationError as error:
                form.add_error(None, error)
            else:
                saved = True
                form = DirectoryEntryForm(membership=member)
        status = 200 if saved else 400
    return _private(
        TemplateResponse(
            request,
            "members/directory_entry.html",
            _entry_context(page, member, form=form, saved=saved),
            status=status,
        )
    )


def directory_entry_from_link(request: HttpRequest, page, token: str) -> HttpResponse:
    member = membership_from_token(token, "entry", max_age_days=ENTRY_LINK_DAYS)
    if member is None or member.status != Membership.Status.ACCEPTED:
        return _expired(request, page)
    return directory_entry_form(request, page, member)


def my_directory_entry(request: HttpRequest, page) -> HttpResponse:
    """The same form for a member signed in to the members' area."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    member = Membership.objects.filter(user=request.user, status=Membership.Status.ACCEPTED).first()
    if member is None:
        return _expired(request, page)
    return directory_entry_form(request, page, member)


def confirm_new_patients(request: HttpRequest, page, token: str) -> HttpResponse:
    """« Je confirme »: one button; a GET changes nothing (mail scanners open links too)."""
    member = membership_from_token(token, "entry", max_age_days=ENTRY_LINK_DAYS)
    if member is None or member.status != Membership.Status.ACCEPTED:
        return _expired(request, page)
    done, error = False, ""
    if request.method == "POST":
        try:
            member = new_patients_confirm(membership=member)
        except ValidationError as refused:
            error = " ".join(refused.messages)
        else:
            done = True
    return _private(
        TemplateResponse(
            request,
            "members/confirm_new_patients.html",
            _entry_context(page, member, done=done, error=error, token=token),
            status=400 if error else 200,
        )
    )
