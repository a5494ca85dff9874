"""What every invitation to an admin shares: find the invitee's account by address, link to a password.

A CPTS's coordinator (``team``) and the federation's administration
(``network.staff_invitations``) both invite people by e-mail: nobody types
another person's password. Two things are the same for both and live here:

- the invitee's account is found by the **exact** normal form of the address
  (``tenants.emails``) as its username; a username that merely *looks* like
  it (Unicode look-alikes, which PostgreSQL's ``iexact`` would fold) is
  refused rather than matched, so an invitation never lands on an account
  someone else registered to resemble it;
- the one-time link carries Django's password-reset token, which stops working
  as soon as the password is set (the token hashes the password).

Works in the active schema (accounts live in every schema). Offers:
``invitation_account`` (selector), ``invitation_link`` and ``InvitationError``.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import ValidationError
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from .emails import EmailFormError, email_normalize, email_skeleton

LOOK_ALIKE = (
    "Cette adresse ressemble à s'y méprendre à celle d'un compte existant "
    "(caractères d'autres alphabets) : vérifiez-la."
)


def invitation_address(email: str) -> str:
    """The address in normal form, or a ``ValidationError`` on ``email`` in French."""
    try:
        return email_normalize(email)
    except EmailFormError as error:
        raise ValidationError({"email": str(error)}) from error


def invitation_account(*, address: str):
    """The account whose username is exactly ``address`` (in normal form), None, or a look-alike error."""
    users = get_user_model()._default_manager
    field = get_user_model().USERNAME_FIELD
    # Exact equality in the database: never iexact, whose case folding merges look-alikes.
    found = users.filter(**{field: address}).first()
    if found is not None:
        return found
    skeleton = email_skeleton(address)
    for username in users.values_list(field, flat=True):
        if "@" in username and email_skeleton(username) == skeleton:
            raise ValidationError({"email": LOOK_ALIKE})
    return None


def invitation_link(*, user, base_url: str, path: str) -> str:
    """``base_url`` + ``path`` + ``<uid>/<token>/``: usable until the password is set."""
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    return f"{base_url.rstrip('/')}/{path.strip('/')}/{uid}/{token}/"
