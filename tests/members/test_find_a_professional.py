"""« Trouver un professionnel »: the member's entry, its stale flag, its reminder, withdrawal everywhere."""

import re
from datetime import timedelta

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.utils import timezone

from members.models import Membership
from network.professionals import PublicProfessional
from tests.conftest import login
from tests.members.conftest import apply

ENTRY = {"accepts_new_patients": "yes", "languages": ["en", "de"], "step_free_access": "yes"}


def _path(link: str, tenant) -> str:
    return link.split(tenant.host, 1)[1].lstrip(":0123456789")


def accepted(alpha, alpha_client, site, capture, smtp_server, **fields) -> dict[str, str]:
    """An application from the form, accepted by the board: the links of the acceptance e-mail."""
    apply(alpha_client, site, capture, **fields)
    with alpha.context():
        membership = Membership.objects.get(email=fields.get("email", "camille@exemple.test"))
    login(alpha_client, alpha)
    with capture(execute=True):
        alpha_client.post(f"/admin/members/{membership.pk}/decide/", {"decision": "accept"})
    alpha_client.logout()
    body = smtp_server.wait_for(3)[-1].body
    links = re.findall(r"https?://\S+/", body)
    return {
        part: _path(next(link for link in links if f"/{part}/" in link), alpha)
        for part in ("fiche", "retrait")
    }


def in_step(cpts: str = "alpha") -> None:
    call_command("check_public_copies", "--cpts", cpts)  # raises on any drift
    connection.set_schema_to_public()


@pytest.mark.parametrize("kept_seconds", [0, 300], ids=["sans-cache", "reponses-gardees"])
def test_the_member_declares_their_entry_and_withdrawal_removes_it_everywhere_at_once(
    alpha, alpha_client, client, federation_client, site, django_capture_on_commit_callbacks,
    settings, smtp_server, kept_seconds,
):
    settings.CPTS_RESPONSE_CACHE_SECONDS = kept_seconds
    host = {"HTTP_HOST": alpha.host}
    links = accepted(alpha, alpha_client, site, django_capture_on_commit_callbacks, smtp_server)
    in_step()
    page = client.get(site["directory"], **host).content.decode()
    assert "Camille Exemple (fictif)" in page and "Accepte de nouveaux patients (confirmé" not in page
    assert "1 professionnel trouvé" in page
    none = client.get(site["directory"], {"new_patients": "1"}, **host).content.decode()
    assert "Aucun professionnel ne correspond" in none and "0 professionnel trouvé" in none

    # The member's entry, from the acceptance e-mail's signed link: public facts from lists only.
    form = client.get(links["fiche"], **host)
    assert form.status_code == 200 and "no-store" in form["Cache-Control"]
    text = form.content.decode()
    assert "<legend>J&#x27;accepte de nouveaux patients</legend>" in text and "90 jours" in text
    assert "<textarea" not in text
    saved = client.post(links["fiche"], ENTRY, **host)
    assert saved.status_code == 200 and "C'est enregistré" in saved.content.decode()
    refused = client.post(links["fiche"], {**ENTRY, "languages": ["xx"]}, **host)
    assert refused.status_code == 400 and "La fiche n'est pas enregistrée" in refused.content.decode()
    in_step()

    page = client.get(site["directory"], {"new_patients": "1", "language": "de", "step_free": "1"}, **host)
    text = page.content.decode()
    assert "Camille Exemple (fictif)" in text and "Accepte de nouveaux patients (confirmé le" in text
    assert "Parle aussi : allemand, anglais" in text and "accessible de plain-pied (PMR)" in text
    assert "Camille" not in client.get(site["directory"], {"language": "it"}, **host).content.decode()
    api = client.get("/api/v2/members/", {"new_patients": "true", "language": "en"}, **host).json()
    assert [(m["name"], m["accepts_new_patients"], m["languages"], m["step_free_access"]) for m in api] == [
        ("Camille Exemple (fictif)", True, ["de", "en"], True)
    ]
    assert api[0]["new_patients_confirmed_on"] == timezone.localdate().isoformat()
    assert client.get("/api/v2/members/", {"language": "klingon"}, **host).status_code == 400
    network = federation_client.get("/api/network/professionals/", {"new_patients": "true"}).json()
    assert [(p["name"], p["cpts"]["short_name"]) for p in network["results"]] == [
        ("Camille Exemple (fictif)", "alpha")
    ]
    assert "Camille Exemple (fictif)" in federation_client.get("/professionnels/").content.decode()

    # Withdrawal from the signed link: gone from the page, the API and the network, at once.
    with django_capture_on_commit_callbacks(execute=True):
        client.post(links["retrait"], **host)
    assert "Camille" not in client.get(site["directory"], **host).content.decode()
    assert "0 professionnel trouvé" in client.get(site["directory"], **host).content.decode()
    assert "Camille" not in client.get(site["directory"], {"new_patients": "1"}, **host).content.decode()
    assert client.get("/api/v2/members/", **host).json() == []
    assert federation_client.get("/api/network/professionals/").json()["results"] == []
    assert "Camille" not in federation_client.get("/professionnels/").content.decode()
    assert not PublicProfessional.objects.exists()
    in_step()
    with alpha.context():
        member = Membership.objects.get()
        assert (member.status, member.accepts_new_patients, member.languages) == ("accepted", None, [])
    # Out of the directory, the entry form offers nothing to fill.
    assert "<form" not in client.get(links["fiche"], **host).content.decode().split("<main", 1)[-1]


def test_a_flag_confirmed_longer_ago_than_the_limit_is_shown_nowhere(
    alpha, alpha_client, client, federation_client, site, django_capture_on_commit_callbacks,
    settings, smtp_server,
):
    host = {"HTTP_HOST": alpha.host}
    links = accepted(alpha, alpha_client, site, django_capture_on_commit_callbacks, smtp_server)
    client.post(links["fiche"], ENTRY, **host)
    # Time passes: the answer was confirmed 91 days ago, the record and its copy alike.
    past = timezone.localdate() - timedelta(days=91)
    with alpha.context():
        Membership.objects.update(new_patients_confirmed_on=past)
    PublicProfessional.objects.update(new_patients_confirmed_on=past)
    in_step()
    page = client.get(site["directory"], **host).content.decode()
    assert "Camille Exemple (fictif)" in page and "nouveaux patients (confirmé" not in page
    assert "Parle aussi : allemand, anglais" in page  # the other facts do not go stale
    assert "Camille" not in client.get(site["directory"], {"new_patients": "1"}, **host).content.decode()
    api = client.get("/api/v2/members/", **host).json()
    assert (api[0]["accepts_new_patients"], api[0]["new_patients_confirmed_on"]) == (None, None)
    assert client.get("/api/v2/members/", {"new_patients": "true"}, **host).json() == []
    network = federation_client.get("/api/network/professionals/").json()["results"]
    assert (network[0]["accepts_new_patients"], network[0]["new_patients_confirmed_on"]) == (None, None)
    assert federation_client.get("/api/network/professionals/", {"new_patients": "1"}).json()["count"] == 0
    assert "nouveaux patients (confirmé" not in federation_client.get("/professionnels/").content.decode()
    # A longer limit (the setting) shows it again.
    settings.CPTS_NEW_PATIENTS_DAYS = 120
    assert "Accepte de nouveaux patients (confirmé" in client.get(site["directory"], **host).content.decode()


def test_the_member_is_reminded_once_by_e_mail_and_confirms_in_one_click(
    alpha, alpha_client, client, site, django_capture_on_commit_callbacks, smtp_server
):
    from cpts_network.periodic import new_patients_reminders

    host = {"HTTP_HOST": alpha.host}
    links = accepted(alpha, alpha_client, site, django_capture_on_commit_callbacks, smtp_server)
    client.post(links["fiche"], ENTRY, **host)
    assert new_patients_reminders().startswith("0 rappel")  # confirmed today: nothing due
    confirmed = timezone.localdate() - timedelta(days=80)  # stale in 10 days: within the 14
    with alpha.context():
        Membership.objects.update(new_patients_confirmed_on=confirmed)
    PublicProfessional.objects.update(new_patients_confirmed_on=confirmed)
    assert new_patients_reminders().startswith("1 rappel")
    reminder = smtp_server.wait_for(4)[-1]
    assert reminder.to == ["camille@exemple.test"] and "Confirmez votre fiche" in reminder.subject
    assert "vous acceptez de nouveaux patients" in reminder.body and "à partir du" in reminder.body
    assert new_patients_reminders().startswith("0 rappel")  # once per period
    confirm = _path(re.search(r"https?://\S+/annuaire/confirmer/\S+/", reminder.body).group(0), alpha)
    # Opening the link changes nothing (mail scanners open links); the one button confirms.
    assert "Je confirme" in client.get(confirm, **host).content.decode()
    with alpha.context():
        assert Membership.objects.get().new_patients_confirmed_on == confirmed
    done = client.post(confirm, **host).content.decode()
    assert "C'est confirmé" in done
    with alpha.context():
        assert Membership.objects.get().new_patients_confirmed_on == timezone.localdate()
    connection.set_schema_to_public()
    assert PublicProfessional.objects.get().new_patients_confirmed_on == timezone.localdate()
    in_step()
    forged = client.get(confirm[:-6] + "AAAAA/", **host)
    assert forged.status_code == 404


def test_the_network_copy_holds_no_e_mail_and_no_one_who_did_not_consent(
    alpha, alpha_client, client, federation_client, site, django_capture_on_commit_callbacks, smtp_server
):
    accepted(
        alpha, alpha_client, site, django_capture_on_commit_callbacks, smtp_server,
        directory_contact="camille@cabinet.test",
    )
    page = client.get(site["directory"], HTTP_HOST=alpha.host).content.decode()
    assert "camille@cabinet.test" in page  # the member chose to show it on their CPTS's page
    row = PublicProfessional.objects.get()
    assert row.contact == "" and "@" not in str(federation_client.get("/api/network/professionals/").json())
    with alpha.context():
        Membership.objects.update(directory_consent=False)  # a record changed behind the services' back
    with pytest.raises(CommandError, match="1 écart"):
        call_command("check_public_copies", "--cpts", "alpha")
    call_command("check_public_copies", "--cpts", "alpha", "--fix")
    connection.set_schema_to_public()
    assert not PublicProfessional.objects.exists()
    in_step()
