"""Writes on a CPTS's team: invite someone with a role, withdraw a role.

Nobody types another person's password: an invitation creates the account
without one and e-mails a one-time link to choose it (Django's password-reset
token, which stops working once the password is set). An existing account is
found only by the exact normal form of its address (``tenants.emails``), never
by a look-alike; it is given the role and told, without any link. Each grant
and withdrawal is in the network's journal (``tenants.account_journal``
records every change of an account's groups) and in the site's history.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from tenants.emails import EmailFormError, email_normalize, email_skeleton

from .roles import ROLE_NAMES


def _account_with(address: str):
    """The account whose username is ``address`` (its normal form); refuses a look-alike.

    Only the username identifies an account: it is set by an invitation or an accepted
    adhésion to the address in normal form. The ``email`` field is not trusted for this.
    """
    skeleton = email_skeleton(address)
    for username in get_user_model().objects.values_list(get_user_model().USERNAME_FIELD, flat=True):
        try:
            if email_normalize(username) == address:
                return get_user_model()._default_manager.get_by_natural_key(username)
        except EmailFormError:
            pass  # a username that is no address (« federation »)
        if email_skeleton(username) == skeleton:
            raise ValidationError(
                {
                    "email": "Cette adresse ressemble à s'y méprendre à celle d'un compte existant "
                    "(caractères d'autres alphabets) : vérifiez-la."
                }
            )
    return None


def _password_link(user, base_url: str) -> str:
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    return f"{base_url.rstrip('/')}/admin/password_reset/confirm/{uid}/{token}/"


@transaction.atomic
def team_member_invite(*, email: str, role: str, site_name: str, base_url: str, by=None):
    """Give ``role`` to the person at ``email``, creating their account if need be, and tell them."""
    if role not in ROLE_NAMES:
        raise ValidationError({"role": "Rôle inconnu."})
    try:
        address = email_normalize(email)
    except EmailFormError as error:
        raise ValidationError({"email": str(error)}) from error
    user = _account_with(address)
    if user is None:
        user = get_user_model()(username=address, email=address)
        user.set_unusable_password()
        user.save()
    elif user.groups.filter(name=role).exists():
        raise ValidationError({"role": f"Ce compte a déjà le rôle « {role} »."})
    user.groups.add(Group.objects.get(name=role))
    # A new account, or one whose earlier invitation was never taken up: a link to choose the
    # password, sent to the account's own address (its username).
    if not user.has_usable_password():
        link = _password_link(user, base_url)
        body = (
            f"Bonjour,\n\n{by or 'La coordination'} vous invite dans l'administration du site {site_name}, "
            f"avec le rôle « {role} ».\n\nChoisissez votre mot de passe (lien à usage unique, valable "
            f"trois jours) :\n{link}\n\nVotre identifiant est votre adresse e-mail : {address}\n"
        )
    else:
        body = (
            f"Bonjour,\n\nVous avez désormais le rôle « {role} » dans l'administration du site "
            f"{site_name}. Connectez-vous comme d'habitude : {base_url.rstrip('/')}/admin/\n"
        )
    transaction.on_commit(lambda: send_mail(f"Invitation — {site_name}", body, None, [address]))
    return user


@transaction.atomic
def team_role_withdraw(*, user, role: str, by) -> None:
    """Take ``role`` from ``user``; one does not take one's own Coordination role away."""
    if role not in ROLE_NAMES:
        # Other groups (« Adhérents ») have their own ways in and out (members' erasure).
        raise ValidationError("Ce n'est pas un rôle de l'équipe.")
    if user.pk == getattr(by, "pk", None) and role == "Coordination":
        raise ValidationError("Vous ne pouvez pas vous retirer vous-même le rôle Coordination.")
    user.groups.remove(*Group.objects.filter(name=role))
