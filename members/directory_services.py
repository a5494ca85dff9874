"""Writes on a member's directory entry: what they declare for « Trouver un professionnel », and its reminder.

The member declares public facts only (new patients, languages, step-free
access), from the members' area; each write rewrites the network's copy in
the same transaction (``members.professional_copy``). The new-patients
answer goes stale after ``CPTS_NEW_PATIENTS_DAYS`` without confirmation;
``new_patients_reminders_send`` tells the member beforehand, once per period.
"""

from __future__ import annotations

from datetime import date, timedelta

from django.apps import apps
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format

from network.professionals import Language, new_patients_days

from .models.records import Membership, MembershipDecision
from .professional_copy import professional_copy_refresh
from .selectors import new_patients_reminders_due
from .services import member_links


def _listed(membership: Membership) -> Membership:
    member = Membership.objects.select_for_update().get(pk=membership.pk)
    if not member.in_directory:
        raise ValidationError(
            "Votre fiche n'est pas dans l'annuaire public : ces informations ne s'affichent qu'avec "
            "votre accord de figurer dans l'annuaire (demandez-le au bureau)."
        )
    return member


@transaction.atomic
def directory_entry_update(
    *,
    membership: Membership,
    accepts_new_patients: bool | None,
    languages: list[str],
    step_free_access: bool | None,
) -> Membership:
    """The member's own answers; saving a new-patients answer confirms it today (None: not said)."""
    member = _listed(membership)
    unknown = sorted(set(languages) - set(Language.values))
    if unknown:
        raise ValidationError({"languages": f"Langue inconnue : {', '.join(unknown)}."})
    member.accepts_new_patients = accepts_new_patients
    member.new_patients_confirmed_on = timezone.localdate() if accepts_new_patients is not None else None
    member.languages = sorted(set(languages))
    member.step_free_access = step_free_access
    member.full_clean()
    member.save(
        update_fields=["accepts_new_patients", "new_patients_confirmed_on", "languages", "step_free_access"]
    )
    MembershipDecision.objects.create(
        membership=member,
        decision=MembershipDecision.Decision.EDIT,
        reason="Fiche de l'annuaire mise à jour par l'adhérent",
    )
    professional_copy_refresh(member)
    return member


@transaction.atomic
def new_patients_confirm(*, membership: Membership) -> Membership:
    """« Je confirme »: the member's new-patients answer, unchanged, shown for another period."""
    member = _listed(membership)
    if member.accepts_new_patients is None:
        raise ValidationError("Votre fiche ne dit pas encore si vous acceptez de nouveaux patients.")
    member.new_patients_confirmed_on = timezone.localdate()
    member.save(update_fields=["new_patients_confirmed_on"])
    professional_copy_refresh(member)
    return member


def new_patients_shown_until(confirmed_on: date) -> date:
    """The last day the answer confirmed on ``confirmed_on`` is shown."""
    return confirmed_on + timedelta(days=new_patients_days())


def new_patients_expiry(confirmed_on: date) -> date:
    """The first day the answer confirmed on ``confirmed_on`` is no longer shown."""
    return new_patients_shown_until(confirmed_on) + timedelta(days=1)


def _reminder(member: Membership, links: dict[str, str], site: str) -> tuple[str, str]:
    answer = "acceptez" if member.accepts_new_patients else "n'acceptez pas"
    confirmed = date_format(member.new_patients_confirmed_on, "j F Y")
    expiry = new_patients_expiry(member.new_patients_confirmed_on)
    when = "depuis le" if expiry <= timezone.localdate() else "à partir du"
    body = (
        f"Bonjour,\n\nDans l'annuaire « Trouver un professionnel » de {site}, votre fiche indique que "
        f"vous {answer} de nouveaux patients (réponse confirmée le {confirmed}). Sans nouvelle "
        f"confirmation, cette mention n'est plus affichée {when} {date_format(expiry, 'j F Y')}.\n\n"
        f"Pour la confirmer en un clic : {links['confirm_new_patients']}\n"
        f"Pour modifier votre fiche : {links['directory_entry']}\n"
        f"Pour quitter l'annuaire : {links['leave_directory']}\n"
    )
    return f"Confirmez votre fiche de l'annuaire — {site}", body


def new_patients_reminders_send(*, today: date | None = None) -> int:
    """Remind, in the current CPTS's schema, each member whose answer goes stale soon; returns how many.

    Each reminder is recorded with the confirmation it is about, in the
    transaction that sends it: a failed sending records nothing (tried again
    at the next run), a sent one is never sent twice for the same period.
    Without a live « Adhésion » page there is no link to give: nothing is sent.
    """
    page = apps.get_model("members", "AdhesionPage").objects.live().order_by("path").first()
    if page is None:
        return 0
    site = page.get_site().site_name
    sent = 0
    for member in new_patients_reminders_due(today):
        with transaction.atomic():
            locked = Membership.objects.select_for_update().get(pk=member.pk)
            if locked.new_patients_reminded_for == locked.new_patients_confirmed_on:
                continue  # another run got there first
            locked.new_patients_reminded_for = locked.new_patients_confirmed_on
            locked.save(update_fields=["new_patients_reminded_for"])
            subject, body = _reminder(locked, member_links(locked, page), site)
            send_mail(subject, body, None, [locked.email])
        sent += 1
    return sent
