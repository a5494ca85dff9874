"""A whole adhésion season through HTTP: the form, the board, the e-mails, the directory, the counts."""

import json
import re

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.db import connection

from content.models import HomePage
from members.models import Membership
from tests.conftest import login
from tests.members.conftest import RPPS, apply


@pytest.mark.parametrize("kept_seconds", [0, 300], ids=["sans-cache", "reponses-gardees"])
def test_a_whole_adhesion_from_the_form_to_the_directory_and_the_counts(
    alpha, alpha_client, site, django_capture_on_commit_callbacks, client, settings, kept_seconds, smtp_server
):
    # E-mails go through Django's SMTP backend to a real SMTP server (tests/smtp.py).
    # With answers kept for visitors (tenants.response_cache), every change below shows at once.
    settings.CPTS_RESPONSE_CACHE_SECONDS = kept_seconds
    form = alpha_client.get(site["adhesion"]).content.decode()
    assert "Vos données" in form and "statuts du 1er mars 2026" in form and "20" in form
    response = apply(alpha_client, site, django_capture_on_commit_callbacks)
    assert response.status_code == 302 and response["Location"].endswith("/merci/")
    assert [m.to for m in smtp_server.wait_for(2)] == [["camille@exemple.test"], ["bureau@alpha.test"]]
    with alpha.context():
        membership = Membership.objects.get()
        assert (membership.status, membership.commune_id, membership.statutes_version) == (
            "pending",
            "57480",
            "statuts du 1er mars 2026",
        )
    # Waiting: not in the directory, not counted.
    assert "Camille" not in alpha_client.get(site["directory"]).content.decode()

    login(alpha_client, alpha)
    assert "Camille Exemple (fictif)" in alpha_client.get("/admin/members/").content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        alpha_client.post(f"/admin/members/{membership.pk}/decide/", {"decision": "accept"})
    accepted = smtp_server.wait_for(3)[-1]
    assert "bienvenue" in accepted.body and "La cotisation annuelle est de 20,00 €." in accepted.body
    links = re.findall(r"https?://\S+/", accepted.body)
    parts = ("/attestation/", "/mes-donnees/", "/retrait/")
    attestation_link, record_link, leave_link = (next(link for link in links if p in link) for p in parts)
    detail = alpha_client.get(f"/admin/members/{membership.pk}/").content.decode()
    assert "acceptée (" in detail and alpha.coordinator_email in detail  # who decided, in the journal

    visitor = client
    host = {"HTTP_HOST": alpha.host}
    page = visitor.get(site["directory"], **host).content.decode()
    assert "Camille Exemple (fictif)" in page and "03 00 00 00 00" in page and "camille@" not in page
    api = visitor.get("/api/v2/members/", {"profession": "physiotherapist"}, **host).json()
    assert api == [
        {
            "name": "Camille Exemple (fictif)",
            "kind": "professional",
            "profession": "physiotherapist",
            "profession_label": "Masseur-kinésithérapeute",
            "structure": "Cabinet des Arènes",
            "commune": "57480",
            "commune_name": "Montigny-lès-Metz",
            "contact": "03 00 00 00 00",
            # Not declared yet in the member's entry (tests/members/test_find_a_professional.py).
            "accepts_new_patients": None,
            "new_patients_confirmed_on": None,
            "languages": [],
            "step_free_access": None,
        }
    ]
    assert visitor.get("/api/v2/members/", {"commune": "57463"}, **host).json() == []
    # Counts come from the records: the home page's figure and the governance API.
    figures = visitor.get(
        "/api/v2/pages/", {"type": "content.HomePage", "fields": "key_figures"}, **host
    ).json()
    assert figures["items"][0]["key_figures"]["member_professionals"] == 1
    members = visitor.get("/api/v2/governance/", **host).json()["members"]
    assert [(m["profession"], m["count"]) for m in members] == [("physiotherapist", 1)]

    # The member's own record, from the link in the e-mail.
    record = visitor.get(record_link.split(alpha.host, 1)[1].lstrip(":0123456789"), **host)
    assert record.status_code == 200, (record_link, record.content.decode()[-1500:-400])
    assert record["Content-Disposition"].startswith("attachment")
    assert "no-store" in record["Cache-Control"]  # no cache, shared or not, keeps a person's record
    assert json.loads(record.content)["rpps"] == RPPS
    # The attestation, a PDF made from the record, from the e-mail's link and from the admin.
    pdf = visitor.get(attestation_link.split(alpha.host, 1)[1].lstrip(":0123456789"), **host)
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")
    assert "no-store" in pdf["Cache-Control"]
    assert b"CPTS Alpha atteste que Camille Exemple \\(fictif\\), masseur-kin" in pdf.content
    assert alpha_client.get(f"/admin/members/{membership.pk}/attestation.pdf").content.startswith(b"%PDF")
    forged = visitor.get(record_link.split(alpha.host, 1)[1].lstrip(":0123456789")[:-6] + "AAAAA/", **host)
    assert forged.status_code == 404 and "Lien invalide ou expiré" in forged.content.decode()
    # Leaving the directory: gone from the page and the API at once, still a member.
    leave = leave_link.split(alpha.host, 1)[1].lstrip(":0123456789")
    assert "Me retirer de l'annuaire" in visitor.get(leave, **host).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        visitor.post(leave, **host)
    assert "Camille" not in visitor.get(site["directory"], **host).content.decode()
    assert visitor.get("/api/v2/members/", **host).json() == []
    with alpha.context():
        assert Membership.objects.get().status == "accepted"


def test_refusal_needs_a_reason_which_the_applicant_receives(
    alpha, alpha_client, site, django_capture_on_commit_callbacks
):
    apply(alpha_client, site, django_capture_on_commit_callbacks)
    with alpha.context():
        membership = Membership.objects.get()
    login(alpha_client, alpha)
    alpha_client.post(f"/admin/members/{membership.pk}/decide/", {"decision": "refuse", "reason": " "})
    with alpha.context():
        assert Membership.objects.get().status == "pending"
    with django_capture_on_commit_callbacks(execute=True):
        alpha_client.post(
            f"/admin/members/{membership.pk}/decide/", {"decision": "refuse", "reason": "Exercice hors CPTS."}
        )
    assert "Exercice hors CPTS." in mail.outbox[-1].body
    with alpha.context():
        assert Membership.objects.get().status == "refused"
    assert "Camille" not in alpha_client.get(site["directory"]).content.decode()


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"commune": "Nancy"}, "commune", "Nancy (54) n&#x27;est pas dans le territoire de la CPTS"),
        ({"commune": "Atlantide"}, "commune", "Commune inconnue"),
        ({"rpps": RPPS[:-1] + str((int(RPPS[-1]) + 1) % 10)}, "rpps", "Ce numéro RPPS n&#x27;est pas valide"),
        ({"rpps": "1234"}, "rpps", "Un numéro RPPS a 11 chiffres."),
        ({"statutes": ""}, "statutes", "Ce champ est obligatoire."),
        ({"kind": "structure", "finess": ""}, "finess", "Le numéro FINESS d&#x27;une structure est demandé."),
    ],
)
def test_bad_applications_are_refused_in_french_and_nothing_is_saved(
    alpha, alpha_client, site, django_capture_on_commit_callbacks, fields, field, message
):
    response = apply(alpha_client, site, django_capture_on_commit_callbacks, **fields)
    assert response.status_code == 400
    html = response.content.decode()
    assert message in html and "La demande n'est pas envoyée" in html
    assert 'value="Camille Exemple (fictif)"' in html  # what was typed comes back
    with alpha.context():
        assert not Membership.objects.exists()
    assert mail.outbox == []


def test_a_second_application_with_the_same_number_is_refused(
    alpha, alpha_client, site, django_capture_on_commit_callbacks
):
    apply(alpha_client, site, django_capture_on_commit_callbacks)
    again = apply(alpha_client, site, django_capture_on_commit_callbacks, email="autre@exemple.test")
    assert again.status_code == 400 and "existe déjà avec ce numéro" in again.content.decode()
    with alpha.context():
        assert Membership.objects.count() == 1


def test_a_member_of_alpha_is_invisible_from_beta_and_the_federation(
    alpha, beta, alpha_client, beta_client, federation_client, site, django_capture_on_commit_callbacks
):
    apply(alpha_client, site, django_capture_on_commit_callbacks)
    with alpha.context():
        membership = Membership.objects.get()
    login(alpha_client, alpha)
    alpha_client.post(f"/admin/members/{membership.pk}/decide/", {"decision": "accept"})
    assert len(alpha_client.get("/api/v2/members/").json()) == 1
    assert beta_client.get("/api/v2/members/").json() == []
    assert federation_client.get("/api/v2/members/").status_code == 404
    # Beta's coordinator, signed in on Beta, cannot open Alpha's record by its number.
    login(beta_client, beta)
    assert beta_client.get(f"/admin/members/{membership.pk}/").status_code == 404


def test_erasure_leaves_the_journal_and_true_counts(
    alpha, alpha_client, site, django_capture_on_commit_callbacks
):
    apply(alpha_client, site, django_capture_on_commit_callbacks)
    with alpha.context():
        membership = Membership.objects.get()
    login(alpha_client, alpha)
    alpha_client.post(f"/admin/members/{membership.pk}/decide/", {"decision": "accept"})
    alpha_client.post(f"/admin/members/{membership.pk}/erase/", {})  # not confirmed
    with alpha.context():
        assert Membership.objects.get().status == "accepted"
    alpha_client.post(f"/admin/members/{membership.pk}/erase/", {"confirm": "yes"})
    with alpha.context():
        erased = Membership.objects.get()
        assert (erased.status, erased.name, erased.email, erased.rpps) == (
            "erased",
            "Données effacées",
            "",
            "",
        )
        assert [d.decision for d in erased.decisions.all()] == ["accept", "erase"]
        assert all(d.by is not None for d in erased.decisions.all())
    figures = alpha_client.get("/api/v2/pages/", {"type": "content.HomePage", "fields": "key_figures"}).json()
    assert figures["items"][0]["key_figures"]["member_professionals"] == 0
    assert alpha_client.get("/api/v2/members/").json() == []


def test_the_admin_screens_are_for_signed_in_editors(alpha, client):
    assert client.get("/admin/members/", HTTP_HOST=alpha.host).status_code == 302


def test_the_federation_sees_counts_by_cpts_and_profession_never_a_member(
    alpha, alpha_client, federation_client, site, django_capture_on_commit_callbacks
):
    from django.core.management import CommandError, call_command

    from network.models import MemberCount

    apply(alpha_client, site, django_capture_on_commit_callbacks)
    with alpha.context():
        membership = Membership.objects.get()
    login(alpha_client, alpha)
    alpha_client.post(f"/admin/members/{membership.pk}/decide/", {"decision": "accept"})
    network = federation_client.get("/api/network/members/", {"department": "57"}).json()
    assert network["total"] == 1
    assert network["professions"] == [
        {"profession": "physiotherapist", "label": "Masseur-kinésithérapeute", "count": 1}
    ]
    assert network["cpts"] == [
        {
            "cpts": "alpha",
            "name": "CPTS Alpha",
            "department": "57",
            "total": 1,
            "by_profession": {"physiotherapist": 1},
        }
    ]
    assert "Camille" not in federation_client.get("/api/network/members/").content.decode()
    assert federation_client.get("/api/network/members/", {"department": "54"}).json()["total"] == 0
    bad = federation_client.get("/api/network/members/", {"dept": "57"})
    assert bad.status_code == 400 and "dept" in bad.json()["error"]["fields"]
    # The copy is checked and mended like the others.
    MemberCount.objects.all().delete()
    with pytest.raises(CommandError, match="1 écart"):
        call_command("check_public_copies", "--cpts", "alpha")
    call_command("check_public_copies", "--cpts", "alpha", "--fix")
    assert federation_client.get("/api/network/members/").json()["total"] == 1
    # Erasure leaves the network's counts true.
    erased = alpha_client.post(f"/admin/members/{membership.pk}/erase/", {"confirm": "yes"})
    assert erased.status_code == 302, erased.content[:300]
    with alpha.context():
        assert Membership.objects.get().status == "erased"
    connection.set_schema_to_public()
    assert federation_client.get("/api/network/members/").json()["total"] == 0


def test_an_accepted_member_gets_an_account_for_the_members_area_only(
    alpha, beta, alpha_client, beta_client, client, site, django_capture_on_commit_callbacks
):
    from django.core.files.base import ContentFile
    from wagtail.documents.models import Document
    from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

    from content.models import StandardPage
    from content.services import standard_page_publish
    from members.accounts import MEMBERS_GROUP

    with alpha.context():
        private = standard_page_publish(
            parent=HomePage.objects.get(), title="Espace adhérents", body="<p>Compte rendu du bureau</p>"
        )
        restriction = PageViewRestriction.objects.create(page=private, restriction_type="groups")
        restriction.groups.set([Group.objects.get(name=MEMBERS_GROUP)])
        private_url = StandardPage.objects.get(pk=private.pk).url
        # Members' documents: a collection private to the same group.
        collection = Collection.get_first_root_node().add_child(name="Réservé aux adhérents")
        kept = CollectionViewRestriction.objects.create(collection=collection, restriction_type="groups")
        kept.groups.set([Group.objects.get(name=MEMBERS_GROUP)])
        minutes = Document.objects.create(
            title="Statuts", file=ContentFile(b"statuts", name="statuts.txt"), collection=collection
        )
        document_url = minutes.url
    connection.set_schema_to_public()
    apply(alpha_client, site, django_capture_on_commit_callbacks)
    with alpha.context():
        membership = Membership.objects.get()
    login(alpha_client, alpha)
    with django_capture_on_commit_callbacks(execute=True):
        alpha_client.post(f"/admin/members/{membership.pk}/decide/", {"decision": "accept"})
    account_link = next(
        link for link in re.findall(r"https?://\S+/", mail.outbox[-1].body) if "/espace/" in link
    )
    path = account_link.split(alpha.host, 1)[1].lstrip(":0123456789")

    member = client
    host = {"HTTP_HOST": alpha.host}
    assert member.get(private_url, **host).status_code == 302  # anonymous: to the sign-in
    assert member.get(document_url, **host).status_code == 302
    chosen = member.post(
        path, {"new_password1": "Un-mot-de-passe-2026", "new_password2": "Un-mot-de-passe-2026"}, **host
    )
    assert chosen.status_code == 302
    assert member.get(path, **host).status_code == 404  # a link opens once
    signed_in = member.post(
        "/_util/login/", {"username": "camille@exemple.test", "password": "Un-mot-de-passe-2026"}, **host
    )
    assert signed_in.status_code == 302
    assert "Compte rendu du bureau" in member.get(private_url, **host).content.decode()
    assert b"".join(member.get(document_url, **host).streaming_content) == b"statuts"
    # A member is not an editor.
    assert member.get("/admin/", **host).status_code in (302, 403)
    # An editor of Beta, signed in on Beta, has no session on Alpha: the document stays closed.
    login(beta_client, beta)
    assert beta_client.get(document_url, HTTP_HOST=alpha.host).status_code == 302
    # The account lives in Alpha's schema: Beta's site does not know it.
    assert (
        beta_client.post(
            "/_util/login/", {"username": "camille@exemple.test", "password": "Un-mot-de-passe-2026"}
        ).status_code
        == 200
    )
    # Erasure closes the account.
    alpha_client.post(f"/admin/members/{membership.pk}/erase/", {"confirm": "yes"})
    assert member.get(private_url, **host).status_code == 302


def test_the_board_corrects_a_record_and_notes_the_fee_and_the_counts_follow(
    alpha, alpha_client, federation_client, site, django_capture_on_commit_callbacks
):
    apply(alpha_client, site, django_capture_on_commit_callbacks)
    with alpha.context():
        membership = Membership.objects.get()
    login(alpha_client, alpha)
    alpha_client.post(f"/admin/members/{membership.pk}/decide/", {"decision": "accept"})
    edit = f"/admin/members/{membership.pk}/edit/"
    fields = {
        "name": "Camille Exemple (fictif)",
        "profession": "nurse",
        "structure": "",
        "address": "2 rue d'Exemple",
        "commune": "Atlantide",
        "email": "camille@exemple.test",
        "phone": "",
        "directory_contact": "",
        "fee_year": "2026",
    }
    refused = alpha_client.post(edit, fields)
    assert refused.status_code == 400 and "Commune inconnue." in refused.content.decode()
    assert alpha_client.post(edit, {**fields, "commune": "57463"}).status_code == 302
    with alpha.context():
        corrected = Membership.objects.get()
        assert (corrected.profession, corrected.commune_id, corrected.fee_year) == ("nurse", "57463", 2026)
        assert "Profession" in corrected.decisions.last().reason
    assert "réglée pour 2026" in alpha_client.get(f"/admin/members/{membership.pk}/").content.decode()
    network = federation_client.get("/api/network/members/").json()
    assert [p["profession"] for p in network["professions"]] == ["nurse"]


def test_a_typed_member_count_overrides_the_records_only_with_its_source(alpha):
    import datetime

    from django.core.exceptions import ValidationError

    from content.models import ProfessionCount

    with alpha.context():
        typed = ProfessionCount(kind="members", profession="nurse", count=40, as_of=datetime.date(2026, 1, 1))
        with pytest.raises(ValidationError, match="indiquez sa source"):
            typed.full_clean()
        typed.source = "Assemblée générale 2026"
        typed.full_clean()
