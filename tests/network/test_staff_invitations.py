"""The federation invites its staff: an e-mail and a role, a one-time link, then the second factor."""

import re
import time
from urllib.parse import urlsplit

import pytest
from django.contrib.auth.models import Group
from django.test import Client

from network.federation_roles import ADMINISTRATION, ANALYST
from network.second_factor import second_factor_enrol
from tenants.models import AuditEntry
from tests.conftest import totp_now

PASSWORD = "Un-mot-de-passe-2026!"


def _invite(client: Client, capture, email: str, role: str):
    with capture(execute=True):
        return client.post("/admin/staff/", {"email": email, "role": role})


def _link(mail) -> str:
    return urlsplit(re.search(r"https?://\S+/admin/staff/password/\S+/", mail.body).group(0)).path


def _choose_password(client: Client, link: str):
    form = client.get(link, follow=True)
    assert form.status_code == 200 and "Choisissez votre mot de passe" in form.content.decode()
    return client.post(form.redirect_chain[-1][0], {"new_password1": PASSWORD, "new_password2": PASSWORD})


def _secret(page) -> str:
    return re.search(r'class="second-factor-key">([A-Z2-7]+)<', page.content.decode()).group(1)


def test_an_invited_analyst_chooses_a_password_once_then_enrols_the_second_factor(
    federation_staff_client, django_capture_on_commit_callbacks, smtp_server, django_user_model
):
    invited = _invite(
        federation_staff_client, django_capture_on_commit_callbacks, "Anna@Exemple.test", ANALYST
    )
    assert invited.status_code == 302
    [mail] = smtp_server.wait_for(1)
    assert mail.to == ["anna@exemple.test"]  # the normal form of the address
    assert mail.subject == "Invitation — Fédération des CPTS"
    assert "rôle « Analyste »" in mail.body and "application d'authentification" in mail.body
    user = django_user_model.objects.get(username="anna@exemple.test")
    assert user.is_staff and not user.has_usable_password()

    person = Client(HTTP_HOST="localhost")
    link = _link(mail)
    chosen = _choose_password(person, link)
    assert chosen.status_code == 302 and chosen.url == "/admin/staff/second-factor/"
    # The password alone opens nothing: the admin still sends to its sign-in.
    assert person.get("/admin/").status_code == 302
    # The link worked once.
    again = Client(HTTP_HOST="localhost").get(link, follow=True)
    assert "Ce lien n'est plus valable" in again.content.decode()
    assert "Choisissez votre mot de passe" not in again.content.decode()

    enrol = person.get("/admin/staff/second-factor/")
    assert enrol.status_code == 200
    assert person.post("/admin/staff/second-factor/", {"code": "000000"}).status_code == 400
    assert person.get("/admin/").status_code == 302
    time.sleep(1.1)  # django-otp throttles a device for a second after a wrong code
    done = person.post("/admin/staff/second-factor/", {"code": totp_now(_secret(enrol))})
    assert done.status_code == 200 and "codes de secours" in done.content.decode()
    assert person.get("/admin/").status_code == 200

    # Signing in later asks for the code, as for everyone.
    later = Client(HTTP_HOST="localhost")
    assert later.post("/admin/login/", {"username": user.username, "password": PASSWORD}).status_code == 200
    assert later.get("/admin/").status_code == 302


@pytest.mark.parametrize(
    ("path", "status"),
    [
        ("/admin/tenants/cpts/", 200),
        ("/admin/tenants/auditentry/", 200),
        ("/admin/tenants/cpts/add/", 302),  # sent back to the index
        ("/admin/network/campaignkit/add/", 403),
        ("/admin/auth/user/", 403),
        ("/admin/staff/", 403),
    ],
)
def test_the_invited_analyst_reads_and_cannot_write(
    path, status, federation_staff_client, django_capture_on_commit_callbacks, smtp_server
):
    _invite(federation_staff_client, django_capture_on_commit_callbacks, "lea@exemple.test", ANALYST)
    person = Client(HTTP_HOST="localhost")
    _choose_password(person, _link(smtp_server.wait_for(1)[0]))
    secret = _secret(person.get("/admin/staff/second-factor/"))
    person.post("/admin/staff/second-factor/", {"code": totp_now(secret)})
    assert person.get(path).status_code == status, path


def test_an_abandoned_enrolment_resumes_at_sign_in_with_the_password(
    federation_staff_client, django_capture_on_commit_callbacks, smtp_server
):
    _invite(federation_staff_client, django_capture_on_commit_callbacks, "paul@exemple.test", ADMINISTRATION)
    _choose_password(Client(HTTP_HOST="localhost"), _link(smtp_server.wait_for(1)[0]))
    later = Client(HTTP_HOST="localhost")
    signed = later.post("/admin/login/", {"username": "paul@exemple.test", "password": PASSWORD})
    assert signed.status_code == 302 and signed.url == "/admin/staff/second-factor/"
    assert later.get("/admin/").status_code == 302
    enrol = later.get("/admin/staff/second-factor/")
    later.post("/admin/staff/second-factor/", {"code": totp_now(_secret(enrol))})
    assert later.get("/admin/staff/").status_code == 200  # Administration manages the team
    # Without the session that chose the password or gave it, the enrolment page is closed.
    assert Client(HTTP_HOST="localhost").get("/admin/staff/second-factor/").status_code == 302


def test_an_analyst_cannot_invite(django_user_model, django_capture_on_commit_callbacks, smtp_server):
    analyst = django_user_model.objects.create_user("ana", "ana@federation.test", "pw-ana-123", is_staff=True)
    analyst.groups.add(Group.objects.get(name=ANALYST))
    factor = second_factor_enrol(user=analyst)
    client = Client(HTTP_HOST="localhost")
    client.post(
        "/admin/login/", {"username": "ana", "password": "pw-ana-123", "otp_token": totp_now(factor.secret)}
    )
    assert client.get("/admin/").status_code == 200
    assert client.get("/admin/staff/").status_code == 403
    refused = _invite(client, django_capture_on_commit_callbacks, "intrus@exemple.test", ADMINISTRATION)
    assert refused.status_code == 403
    assert not django_user_model.objects.filter(username="intrus@exemple.test").exists()
    assert smtp_server.wait_for(1, timeout=0.5) == []


def test_grants_and_withdrawals_are_in_the_journal(
    federation_staff_client, django_capture_on_commit_callbacks, smtp_server, django_user_model
):
    _invite(federation_staff_client, django_capture_on_commit_callbacks, "zoe@exemple.test", ADMINISTRATION)
    user = django_user_model.objects.get(username="zoe@exemple.test")
    withdrawn = federation_staff_client.post(f"/admin/staff/{user.pk}/withdraw/", {"role": ADMINISTRATION})
    assert withdrawn.status_code == 302
    user.refresh_from_db()
    assert not user.is_staff and not user.groups.exists()
    lines = list(
        AuditEntry.objects.filter(summary__contains="zoe@exemple.test")
        .order_by("id")
        .values_list("actor", "summary")
    )
    assert lines == [
        ("fed", "Compte « zoe@exemple.test » créé."),
        ("fed", "Compte « zoe@exemple.test » : groupes ajouté(s) Administration."),
        ("fed", "Compte « zoe@exemple.test » : groupes retiré(s) Administration."),
        ("fed", "Compte « zoe@exemple.test » : is_staff → False"),
    ]
    page = federation_staff_client.get("/admin/staff/")
    assert "zoe@exemple.test" not in page.content.decode()


def test_one_cannot_withdraw_ones_own_administration(federation_staff_client, django_user_model):
    me = django_user_model.objects.get(username="fed")
    me.groups.add(Group.objects.get(name=ADMINISTRATION))
    page = federation_staff_client.post(
        f"/admin/staff/{me.pk}/withdraw/", {"role": ADMINISTRATION}, follow=True
    )
    assert "vous retirer vous-même" in page.content.decode()
    assert me.groups.filter(name=ADMINISTRATION).exists()


def test_an_existing_account_is_matched_exactly_and_a_look_alike_is_refused(
    federation_staff_client, django_capture_on_commit_callbacks, smtp_server, django_user_model
):
    django_user_model.objects.create_user(
        "mail@exemple.test", "mail@exemple.test", "pw-mail-123", is_staff=True
    )
    # A Cyrillic « е » in the domain: looks the same, is another address; refused, no account, no e-mail.
    refused = _invite(
        federation_staff_client, django_capture_on_commit_callbacks, "mail@exеmple.test", ANALYST
    )
    assert refused.status_code == 400 and "ressemble à s" in refused.content.decode()
    assert django_user_model.objects.filter(username__startswith="m").count() == 1
    # The exact address: the role, and a notice without any link.
    _invite(federation_staff_client, django_capture_on_commit_callbacks, "MAIL@exemple.test", ANALYST)
    [mail] = smtp_server.wait_for(1)
    assert mail.to == ["mail@exemple.test"] and "/password/" not in mail.body
    assert django_user_model.objects.get(username="mail@exemple.test").groups.filter(name=ANALYST).exists()


def test_the_federation_home_shows_stages_coverage_and_the_weeks_changes(federation_staff_client):
    page = federation_staff_client.get("/admin/").content.decode()
    for text in (
        "CPTS par étape",
        "Idée / pré-projet",
        "Couverture en un coup d",
        "Changements de la semaine",
    ):
        assert text in page, text
    assert "Équipe de la fédération" in page


def test_a_lost_phone_the_administration_resets_the_second_factor_and_the_next_sign_in_enrols(
    federation_staff_client, django_user_model
):
    user = django_user_model.objects.create_user(
        "tom@exemple.test", "tom@exemple.test", PASSWORD, is_staff=True
    )
    user.groups.add(Group.objects.get(name=ANALYST))
    old = second_factor_enrol(user=user)
    reset = federation_staff_client.post(
        f"/admin/staff/{user.pk}/withdraw/", {"action": "reset_second_factor"}
    )
    assert reset.status_code == 302
    assert AuditEntry.objects.filter(
        actor="fed", summary="Compte « tom@exemple.test » : double authentification réinitialisée."
    ).exists()
    person = Client(HTTP_HOST="localhost")
    refused = person.post(
        "/admin/login/", {"username": user.username, "password": PASSWORD, "otp_token": old.recovery_codes[0]}
    )
    assert refused.status_code == 302 and refused.url == "/admin/staff/second-factor/"  # enrol, not enter
    assert person.get("/admin/").status_code == 302
    secret = _secret(person.get("/admin/staff/second-factor/"))
    assert secret != old.secret
    person.post("/admin/staff/second-factor/", {"code": totp_now(secret)})
    assert person.get("/admin/").status_code == 200


def test_the_device_screens_of_django_otp_are_not_in_the_federation_admin(federation_staff_client):
    assert federation_staff_client.get("/admin/otp_totp/totpdevice/").status_code == 404
    assert "Static devices" not in federation_staff_client.get("/admin/").content.decode()
