"""The CPTS admin's *Adhésions*: applications waiting for the board, members, and each decision.

Plain forms, no script. Deciding needs the permission to change memberships
(coordinators and administrators); every decision is logged with its author.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from .accounts import AccountOutcome
from .forms import MembershipEditForm
from .models import AdhesionPage, Membership, MembershipDecision
from .services import application_decide, directory_consent_withdraw, member_erase, membership_update
from .views import attestation_response

WAITING = "waiting"
ACCOUNT_NOT_CREATED = {
    AccountOutcome.SAME_ADDRESS: gettext_lazy(
        "Aucun compte adhérent n'a été créé : un compte du site a déjà cette adresse e-mail. "
        "Si c'est bien la même personne, donnez à ce compte le groupe « Adhérents » dans Utilisateurs."
    ),
    AccountOutcome.LOOK_ALIKE: gettext_lazy(
        "Aucun compte adhérent n'a été créé : cette adresse ressemble à s'y méprendre à celle d'un "
        "compte du site (caractères d'autres alphabets). Vérifiez-la auprès de la personne."
    ),
    AccountOutcome.UNUSABLE_ADDRESS: gettext_lazy(
        "Aucun compte adhérent n'a été créé : corrigez d'abord l'adresse e-mail de la fiche."
    ),
}


def _can_decide(request) -> None:
    if not request.user.has_perm("members.change_membership"):
        raise PermissionDenied


# Members' records are personal data: reading them is a permission of its own (team.roles:
# Coordination and Bureau), not every editor's.
may_read = permission_required("members.view_membership", raise_exception=True)


@may_read
def membership_index(request):
    shown = request.GET.get("status", WAITING)
    memberships = Membership.objects.select_related("commune").order_by("-applied_at")
    if shown == WAITING:
        memberships = memberships.filter(status__in=[Membership.Status.PENDING, Membership.Status.MORE_ASKED])
    elif shown in Membership.Status.values:
        memberships = memberships.filter(status=shown)
    return TemplateResponse(
        request,
        "members/admin/index.html",
        {
            "memberships": memberships[:500],
            "shown": shown,
            "filters": [(WAITING, _("À décider")), *Membership.Status.choices],
            "header_title": _("Adhésions"),
        },
    )


@may_read
def membership_detail(request, pk: int):
    membership = get_object_or_404(Membership.objects.select_related("commune"), pk=pk)
    return TemplateResponse(
        request,
        "members/admin/detail.html",
        {
            "membership": membership,
            "decisions": membership.decisions.select_related("by"),
            "choices": [
                (MembershipDecision.Decision.ACCEPT, _("Accepter")),
                (MembershipDecision.Decision.ASK_MORE, _("Demander des informations")),
                (MembershipDecision.Decision.REFUSE, _("Refuser")),
            ],
            "waiting": membership.status in (Membership.Status.PENDING, Membership.Status.MORE_ASKED),
            "header_title": membership.name,
        },
    )


def membership_edit(request, pk: int):
    """Correct a record at the member's request, or note the fee paid; the change is logged."""
    _can_decide(request)
    membership = get_object_or_404(Membership.objects.exclude(status=Membership.Status.ERASED), pk=pk)
    form = MembershipEditForm(request.POST or None, instance=membership)
    if request.method == "POST" and form.is_valid():
        membership_update(form=form, by=request.user)
        messages.success(request, _("Fiche enregistrée."))
        return redirect("members_detail", pk=pk)
    return TemplateResponse(
        request,
        "members/admin/edit.html",
        {"membership": membership, "form": form, "header_title": membership.name},
        status=400 if form.errors else 200,
    )


@require_POST
def membership_decide(request, pk: int):
    _can_decide(request)
    membership = get_object_or_404(Membership, pk=pk)
    try:
        account = application_decide(
            membership=membership,
            decision=request.POST.get("decision", ""),
            # Its fee, payment page and links are in the e-mail (one at most: max_count).
            page=AdhesionPage.objects.live().first(),
            reason=request.POST.get("reason", ""),
            by=request.user,
            request=request,
        )
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("Décision enregistrée ; la personne en est informée par e-mail."))
        if account in ACCOUNT_NOT_CREATED:
            messages.warning(request, ACCOUNT_NOT_CREATED[account])
    return redirect("members_detail", pk=pk)


@require_POST
def membership_leave_directory(request, pk: int):
    _can_decide(request)
    directory_consent_withdraw(membership=get_object_or_404(Membership, pk=pk), by=request.user)
    messages.success(request, _("Retiré de l'annuaire."))
    return redirect("members_detail", pk=pk)


@require_POST
def membership_erase(request, pk: int):
    _can_decide(request)
    membership = get_object_or_404(Membership, pk=pk)
    if request.POST.get("confirm") != "yes":
        messages.error(request, _("Cochez la confirmation : l'effacement est définitif."))
    else:
        member_erase(membership=membership, by=request.user)
        messages.success(request, _("Données personnelles effacées ; le journal des décisions est gardé."))
    return redirect("members_detail", pk=pk)


@may_read
def membership_attestation(request, pk: int):
    membership = get_object_or_404(
        Membership.objects.select_related("commune"), pk=pk, status=Membership.Status.ACCEPTED
    )
    return attestation_response(membership, association=request.tenant.name)
