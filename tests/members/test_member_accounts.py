"""A member's account is always a new one: never an editor's, never found by a look-alike address."""

import re

from django.contrib.auth import get_user_model
from django.contrib.messages import get_messages
from django.core import mail
from django.db import connection, transaction
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from content.models import HomePage
from content.services import territory_add_communes
from members.accounts import MEMBERS_GROUP, AccountOutcome
from members.forms import AdhesionForm
from members.models import AdhesionPage, Membership
from members.services import application_decide, application_submit, member_erase
from tenants.emails import email_normalize, email_skeleton
from tests.conftest import PASSWORD, login
from tests.members.conftest import application, apply, with_key

STAFF = "coord@alpha.test"  # the coordinator, a superuser of Alpha (tests/conftest.py)


def _decide(alpha_client, alpha, captured) -> tuple[Membership, object]:
    with alpha.context():
        membership = Membership.objects.get()
    login(alpha_client, alpha)
    with captured(execute=True):
        response = alpha_client.post(
            f"/admin/members/{membership.pk}/decide/", {"decision": "accept"}, follow=True
        )
    with alpha.context():
        membership.refresh_from_db()
    connection.set_schema_to_public()
    return membership, response


def _coordinator(alpha):
    with alpha.context():
        user = get_user_model().objects.get(username=STAFF)
        return user, list(user.groups.values_list("name", flat=True))


def test_an_upper_case_copy_of_an_editor_s_address_gets_no_account_and_no_link(
    alpha, alpha_client, site, django_capture_on_commit_callbacks
):
    apply(alpha_client, site, django_capture_on_commit_callbacks, email="COORD@Alpha.TEST")
    membership, response = _decide(alpha_client, alpha, django_capture_on_commit_callbacks)
    assert membership.status == Membership.Status.ACCEPTED
    assert membership.user_id is None
    accepted = mail.outbox[-1]
    assert accepted.to == [STAFF]  # the normal form of what was typed
    assert "/espace/" not in accepted.body  # no set-password link for an account it did not create
    warnings = [str(m) for m in get_messages(response.wsgi_request)]
    assert any("un compte du site a déjà cette adresse" in w for w in warnings)
    user, groups = _coordinator(alpha)
    assert user.is_superuser and user.check_password(PASSWORD) and MEMBERS_GROUP not in groups


def test_a_look_alike_of_an_editor_s_address_gets_no_account_and_no_link(
    alpha, alpha_client, site, django_capture_on_commit_callbacks
):
    look_alike = "coord@alpһa.test"  # a Cyrillic shha for the h
    apply(alpha_client, site, django_capture_on_commit_callbacks, email=look_alike)
    membership, response = _decide(alpha_client, alpha, django_capture_on_commit_callbacks)
    assert membership.email == email_normalize(look_alike) != STAFF
    assert membership.user_id is None and "/espace/" not in mail.outbox[-1].body
    warnings = [str(m) for m in get_messages(response.wsgi_request)]
    assert any("ressemble à s'y méprendre" in w for w in warnings)
    with alpha.context():
        assert get_user_model().objects.count() == 1  # the coordinator alone


def test_a_non_ascii_local_part_is_refused_in_french_and_nothing_is_saved(
    alpha, alpha_client, site, django_capture_on_commit_callbacks
):
    response = apply(alpha_client, site, django_capture_on_commit_callbacks, email="coordınation@alpha.test")
    assert response.status_code == 400
    assert "caractères latins sans accent" in response.content.decode()
    with alpha.context():
        assert not Membership.objects.exists()


def test_a_second_application_with_a_case_variant_of_the_address_is_refused(
    alpha, alpha_client, site, django_capture_on_commit_callbacks
):
    apply(alpha_client, site, django_capture_on_commit_callbacks)
    again = apply(
        alpha_client,
        site,
        django_capture_on_commit_callbacks,
        email="Camille@EXEMPLE.test",
        rpps=with_key("1000012346"),
    )
    assert "existe déjà avec cette adresse" in again.content.decode()


def test_erasure_keeps_an_account_that_was_given_other_roles(
    alpha, alpha_client, site, django_capture_on_commit_callbacks
):
    from django.contrib.auth.models import Group

    apply(alpha_client, site, django_capture_on_commit_callbacks)
    membership, _ = _decide(alpha_client, alpha, django_capture_on_commit_callbacks)
    with alpha.context():
        user = membership.user
        assert user is not None and user.username == "camille@exemple.test"
        # The member later joins the team that edits the site.
        user.groups.add(Group.objects.get_or_create(name="Rédaction")[0])
        member_erase(membership=membership)
        user.refresh_from_db()
        assert list(user.groups.values_list("name", flat=True)) == ["Rédaction"]
    # A set-password link no longer opens for an account that is more than a member's.
    link = re.search(r"https?://\S+/espace/\S+/", mail.outbox[-1].body).group(0)
    path = link.split(alpha.host, 1)[1].lstrip(":0123456789")
    assert alpha_client.get(path).status_code == 404


# Characters a reader takes for the ASCII letter they replace. FOLDS are those that Python's
# case-insensitive regular expressions (Django's e-mail validator) and PostgreSQL's UPPER/LOWER
# fold onto an ASCII letter; SCRIPTS are letters of other alphabets and compatibility forms.
FOLDS = {"i": ["I", "ı", "İ"], "k": ["K", "\u212a"], "s": ["S", "ſ"]}
SCRIPTS = {
    "a": ["а", "ɑ", "α"],
    "c": ["с", "ϲ", "ⅽ"],
    "d": ["ԁ", "ⅾ"],
    "e": ["е", "ė"],
    "i": ["і", "ⅰ"],
    "k": ["κ", "к"],
    "n": ["ո", "п"],
    "o": ["о", "ο", "0"],
    "r": ["г"],
    "s": ["ѕ"],
    "t": ["т"],
    ".": ["．", "。"],
    "@": ["＠"],
}
EDITOR = "direction.kine@alpha-sante.test"


@st.composite
def look_alike_of(draw, address: str) -> str:
    """A variant a reader could take for ``address``: re-cased and folded, full width, or re-scripted."""
    mode = draw(st.sampled_from(["fold", "width", "script"]))
    chars = []
    for char in address:
        if mode == "fold":
            char = draw(st.sampled_from([char, char.upper(), *FOLDS.get(char, [])]))
        elif mode == "width" and char.isascii() and draw(st.booleans()):
            char = chr(ord(char) + 0xFEE0)  # the full-width form of a printable ASCII character
        elif mode == "script":
            char = draw(st.sampled_from([char, *SCRIPTS.get(char, [])]))
            if draw(st.integers(0, 9)) == 0:
                char += "\u0307"  # a combining dot above
        chars.append(char)
    return "".join(chars)


@hypothesis_settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(typed=look_alike_of(EDITOR))
def test_no_look_alike_of_an_account_s_address_is_ever_linked_to_it(alpha, typed):
    data = {**application(email=typed, commune="57463"), "statutes": True, "directory_consent": False}
    with alpha.context(), transaction.atomic():
        editor = get_user_model().objects.create_user(
            username=EDITOR, email=EDITOR, password=PASSWORD, is_staff=True, is_superuser=True
        )
        territory_add_communes(cpts=alpha.cpts, codes=["57463"])
        page = HomePage.objects.get().add_child(
            instance=AdhesionPage(title="Adhérer", statutes_version="v1", board_email="bureau@alpha.test")
        )
        form = AdhesionForm(data)
        if form.is_valid():
            membership = application_submit(page=page, data=form.cleaned_data)
            outcome = application_decide(membership=membership, decision="accept", page=page)
            membership.refresh_from_db()
            assert membership.user_id != editor.pk
            assert not editor.groups.filter(name=MEMBERS_GROUP).exists()
            if email_skeleton(membership.email) == email_skeleton(EDITOR):
                assert outcome in (AccountOutcome.SAME_ADDRESS, AccountOutcome.LOOK_ALIKE)
                assert membership.user_id is None
        transaction.set_rollback(True)
    connection.set_schema_to_public()
