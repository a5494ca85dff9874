"""The members' area: an account for each accepted member, in the group « Adhérents ».

Pages and documents kept for members use Wagtail's own privacy (« private,
for users in specific groups » on a page or a collection) with this group. A
member's account opens nothing else: the group has no permission, so the
Wagtail admin refuses it. Accounts live in the CPTS's schema, like every
account of its site.
"""

from __future__ import annotations

import enum

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.tokens import default_token_generator
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_decode, urlsafe_base64_encode

from tenants.emails import EmailFormError, email_normalize, email_skeleton

MEMBERS_GROUP = "Adhérents"


def members_group() -> Group:
    return Group.objects.get_or_create(name=MEMBERS_GROUP)[0]


class AccountOutcome(enum.Enum):
    """What accepting a member did about their account (said to the board)."""

    CREATED = "created"
    # Another account of this CPTS has the same address, or one that looks like it:
    # none is created, none is linked, and no set-password link is sent.
    SAME_ADDRESS = "same_address"
    LOOK_ALIKE = "look_alike"
    # A record from before the normal form whose address has none (non-ASCII local part).
    UNUSABLE_ADDRESS = "unusable_address"


def _account_clash(address: str) -> AccountOutcome | None:
    """Whether an account of this schema has this address or a look-alike, compared in Python.

    A CPTS has tens to a few thousand accounts: reading their two address
    fields is cheaper than trusting the database's Unicode case folding.
    """
    skeleton = email_skeleton(address)
    clash = None
    # Usernames only: an account's ``email`` is editable by its holder, so it identifies nothing.
    for value in get_user_model().objects.values_list(get_user_model().USERNAME_FIELD, flat=True):
        try:
            if email_normalize(value) == address:
                return AccountOutcome.SAME_ADDRESS
        except EmailFormError:
            pass  # a username that is no address (``federation``) can still look like one
        if email_skeleton(value) == skeleton:
            clash = AccountOutcome.LOOK_ALIKE
    return clash


def member_account_open(membership) -> AccountOutcome:
    """A new account for an accepted member (their e-mail as username), without a password yet.

    Never an existing account: a member account found by address would hand
    whoever wrote that address an editor's account through the set-password
    link. When the address, or one that looks like it, is already an
    account's, no account is created and the board is told why.
    """
    try:
        address = email_normalize(membership.email)
    except EmailFormError:
        return AccountOutcome.UNUSABLE_ADDRESS
    clash = _account_clash(address)
    if clash is not None:
        return clash
    user = get_user_model()(username=address, email=address, first_name=membership.name[:150])
    user.set_unusable_password()
    user.save()
    user.groups.add(members_group())
    membership.user = user
    membership.save(update_fields=["user"])
    return AccountOutcome.CREATED


def member_account_only(user) -> bool:
    """Whether an account is a member's account and nothing else (no admin, no other group)."""
    return (
        not user.is_staff
        and not user.is_superuser
        and not user.user_permissions.exists()
        and not user.groups.exclude(name=MEMBERS_GROUP).exists()
    )


def member_account_close(membership) -> None:
    """The account goes with the member's data (erasure): sessions end with it.

    Only an account that is a member's account and nothing else is deleted; one
    given other roles since keeps them and only leaves the members' group.
    """
    user = membership.user
    if user is None:
        return
    if member_account_only(user):
        user.delete()
    else:
        user.groups.remove(members_group())


def password_link_path(user) -> str:
    """``espace/<uid>/<token>/`` under the Adhésion page: choose a password, once."""
    return f"espace/{urlsafe_base64_encode(force_bytes(user.pk))}/{default_token_generator.make_token(user)}/"


def member_from_password_link(uidb64: str, token: str):
    """The member's user if the link is theirs and unused (Django's reset tokens), else None."""
    try:
        pk = urlsafe_base64_decode(uidb64).decode()
    except ValueError:
        return None
    user = (
        get_user_model().objects.filter(pk=pk, groups__name=MEMBERS_GROUP).first() if pk.isdigit() else None
    )
    # A link chooses the password of a member's account only, never of an editor's.
    if user is None or not member_account_only(user):
        return None
    return user if default_token_generator.check_token(user, token) else None
