"""The members' area: an account for each accepted member, in the group « Adhérents ».

Pages and documents kept for members use Wagtail's own privacy (« private,
for users in specific groups » on a page or a collection) with this group. A
member's account opens nothing else: the group has no permission, so the
Wagtail admin refuses it. Accounts live in the CPTS's schema, like every
account of its site.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.tokens import default_token_generator
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_decode, urlsafe_base64_encode

MEMBERS_GROUP = "Adhérents"


def members_group() -> Group:
    return Group.objects.get_or_create(name=MEMBERS_GROUP)[0]


def member_account_open(membership) -> None:
    """An account for an accepted member (their e-mail as username), without a password yet."""
    User = get_user_model()
    user = User.objects.filter(username__iexact=membership.email).first()
    if user is None:
        user = User(username=membership.email, email=membership.email, first_name=membership.name[:150])
        user.set_unusable_password()
        user.save()
    user.groups.add(members_group())
    membership.user = user
    membership.save(update_fields=["user"])


def member_account_close(membership) -> None:
    """The account goes with the member's data (erasure): sessions end with it."""
    if membership.user_id:
        get_user_model().objects.filter(pk=membership.user_id).delete()


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
    return user if user is not None and default_token_generator.check_token(user, token) else None
