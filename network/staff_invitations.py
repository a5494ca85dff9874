"""The federation invites its staff: an e-mail and a role, a one-time link, then the second factor.

An Administration account enters an address and a role (Analyste or
Administration). A new account is created without a password and staff, and
receives a French e-mail with a one-time link to choose its password
(``tenants.account_invitations``: Django's password-reset token, dead once
the password is set); right after, the person enrols an authenticator app
(``network.staff_views``), which stays required at every sign-in. An existing
account is found by the exact normal form of its address only, gets the role
and is told, without a link.

Every grant and withdrawal is in the network's journal: ``tenants.account_journal``
records each change of an account's groups and of ``is_staff``, with the
signed-in administrator as actor. Withdrawing the last federation role also
takes ``is_staff`` away, so nothing of the admin stays open to the account.

Needs: ``tenants`` (addresses, invitations), ``network.federation_roles``.
A lost phone: ``staff_second_factor_reset`` removes the account's authenticator
and recovery codes; its next sign-in with the password leads to a new
enrolment (``FederationLoginForm.clean_otp``), and the journal says who reset it.

Offers: ``staff_member_invite``, ``staff_role_withdraw``, ``staff_second_factor_reset`` (services),
``staff_members`` (selector), ``StaffInvitationForm``.
"""

from __future__ import annotations

from dataclasses import dataclass

from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Prefetch, QuerySet
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from tenants.account_invitations import invitation_account, invitation_address, invitation_link
from tenants.audit import audit_record
from tenants.models import AuditEntry

from .federation_roles import ADMINISTRATION, ANALYST
from .second_factor import second_factor_start

# Under the federation admin (``FederationAdminSite.get_urls``), open without a session.
PASSWORD_PATH = "admin/staff/password/"  # noqa: S105 (a URL path, not a password)
SITE_NAME = "Fédération des CPTS"
ROLE_DESCRIPTIONS = {
    ANALYST: _("lit les tableaux de bord, les cartes, les exports et le journal ; ne modifie rien"),
    ADMINISTRATION: _("crée, archive et restaure les CPTS, les grilles, les kits et les comptes"),
}
STAFF_ROLES = tuple(ROLE_DESCRIPTIONS)


@dataclass(frozen=True)
class Invitation:
    user: object
    link: str | None  # None: an existing account with a password, told without a link


class StaffInvitationForm(forms.Form):
    email = forms.EmailField(label=_("Adresse e-mail de la personne"))
    role = forms.ChoiceField(
        label=_("Rôle"),
        choices=[(name, f"{name} — {description}") for name, description in ROLE_DESCRIPTIONS.items()],
        widget=forms.RadioSelect,
    )


def staff_members() -> QuerySet:
    """Accounts holding a federation role, with their roles, by address."""
    return (
        get_user_model()
        .objects.filter(groups__name__in=STAFF_ROLES)
        .distinct()
        .prefetch_related(Prefetch("groups", queryset=Group.objects.filter(name__in=STAFF_ROLES)))
        .order_by(get_user_model().USERNAME_FIELD)
    )


def _message(*, role: str, address: str, link: str | None, base_url: str, by: str) -> str:
    if link is None:
        return (
            f"Bonjour,\n\nVous avez désormais le rôle « {role} » dans l'administration de la "
            f"{SITE_NAME}. Connectez-vous comme d'habitude : {base_url.rstrip('/')}/admin/\n"
        )
    return (
        f"Bonjour,\n\n{by} vous invite dans l'administration de la {SITE_NAME}, avec le rôle "
        f"« {role} ».\n\n1. Choisissez votre mot de passe (lien à usage unique, valable trois jours) :\n"
        f"{link}\n\n2. Juste après, ajoutez la clé affichée à une application d'authentification de "
        "votre téléphone (FreeOTP, Aegis, Google Authenticator…) : chaque connexion vous demandera "
        f"son code, en plus du mot de passe.\n\nVotre identifiant est votre adresse e-mail : {address}\n"
    )


@transaction.atomic
def staff_member_invite(*, email: str, role: str, base_url: str, by: str) -> Invitation:
    """Give ``role`` to the person at ``email`` (public schema), creating their account, and tell them."""
    if role not in STAFF_ROLES:
        raise ValidationError({"role": "Rôle inconnu."})
    address = invitation_address(email)
    user = invitation_account(address=address)
    if user is None:
        user = get_user_model()(username=address, email=address, is_staff=True)
        user.set_unusable_password()
        user.full_clean()
        user.save()
    elif user.groups.filter(name=role).exists():
        raise ValidationError({"role": f"Ce compte a déjà le rôle « {role} »."})
    elif not user.is_staff:
        user.is_staff = True
        user.save(update_fields=["is_staff"])
    user.groups.add(Group.objects.get(name=role))
    # A new account, or one that never took up its earlier invitation: a link to choose the password.
    link = (
        None
        if user.has_usable_password()
        else invitation_link(user=user, base_url=base_url, path=PASSWORD_PATH)
    )
    body = _message(role=role, address=address, link=link, base_url=base_url, by=by)
    transaction.on_commit(lambda: send_mail(f"Invitation — {SITE_NAME}", body, None, [address]))
    return Invitation(user, link)


@transaction.atomic
def staff_role_withdraw(*, user, role: str, by) -> None:
    """Take ``role`` from ``user``; the last role gone, the account is no longer staff."""
    if role not in STAFF_ROLES:
        raise ValidationError("Ce n'est pas un rôle de la fédération.")
    if user.pk == getattr(by, "pk", None) and role == ADMINISTRATION:
        raise ValidationError("Vous ne pouvez pas vous retirer vous-même le rôle Administration.")
    user.groups.remove(*Group.objects.filter(name=role))
    if user.is_staff and not user.is_superuser and not user.groups.filter(name__in=STAFF_ROLES).exists():
        user.is_staff = False
        user.save(update_fields=["is_staff"])


@transaction.atomic
def staff_second_factor_reset(*, user, by) -> None:
    """A lost authenticator: the old one and its recovery codes stop working; a new one is enrolled
    at the next sign-in. Not one's own (a stolen session must not be enough)."""
    if user.pk == getattr(by, "pk", None):
        raise ValidationError("Réinitialisez votre propre double authentification depuis un autre compte.")
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()
    second_factor_start(user=user)
    audit_record(
        action=AuditEntry.Action.ROLES_CHANGED,
        summary=f"Compte « {user.get_username()} » : double authentification réinitialisée.",
        data={"second_factor": "reset"},
    )
