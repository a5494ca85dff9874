"""The network's journal: who changed what, seen by the federation and, for its own, by each CPTS."""

import csv
import io

from django.test import Client

from network.prevention import CampaignKit
from tenants.audit import acting_as, audit_record
from tenants.models import AuditEntry
from tests.conftest import login


def test_a_territory_change_is_recorded_with_who_made_it(alpha, alpha_client):
    login(alpha_client, alpha)
    alpha_client.post("/admin/territory/add/", {"code": ["57463"]})
    entry = AuditEntry.objects.get(action="territory.changed", cpts=alpha.cpts.short_name)
    assert entry.actor == alpha.coordinator_email
    assert entry.data["added"] == ["57463"]


def test_kit_edits_by_federation_staff_are_recorded(federation_staff_client):
    response = federation_staff_client.post(
        "/admin/network/campaignkit/add/",
        {
            "theme": "osteoporosis",
            "title": "Ostéoporose",
            "summary": "Kit",
            "body": "",
            "suggested_indicators": "[]",
            "materials": "[]",
        },
    )
    assert response.status_code == 302
    kit = CampaignKit.objects.get()
    federation_staff_client.post(f"/admin/network/campaignkit/{kit.pk}/delete/", {"post": "yes"})
    journal = list(AuditEntry.objects.filter(action__startswith="kit.").values_list("action", "actor"))
    assert sorted(journal) == [("kit.deleted", "fed"), ("kit.saved", "fed")]


def test_a_lockout_is_in_the_journal(alpha, settings):
    attacker = Client(HTTP_HOST=alpha.host, REMOTE_ADDR="203.0.113.77")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        attacker.post("/admin/login/", {"username": alpha.coordinator_email, "password": "faux"})
    entry = AuditEntry.objects.get(action="sign_in.locked")
    assert entry.cpts == alpha.cpts.short_name and "203.0.113.77" in entry.summary


def test_the_federation_filters_and_exports_the_journal(federation_staff_client, alpha, beta):
    with acting_as("test"):
        audit_record(action="cpts.updated", cpts="alpha", summary='=HYPERLINK("x")')
        audit_record(action="territory.changed", cpts="beta", summary="Territoire de beta")
    listing = federation_staff_client.get(
        "/admin/tenants/auditentry/", {"action__exact": "territory.changed"}
    )
    page = listing.content.decode()
    assert "Territoire de beta" in page and "HYPERLINK" not in page
    ids = list(AuditEntry.objects.values_list("pk", flat=True))
    exported = federation_staff_client.post(
        "/admin/tenants/auditentry/", {"action": "export_csv", "_selected_action": ids}
    )
    rows = list(csv.reader(io.StringIO(exported.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == ["date", "action", "cpts", "par", "résumé"]
    assert any(row[4].startswith("'=HYPERLINK") for row in rows[1:])


def test_each_cpts_sees_its_own_entries_only(alpha, beta, alpha_client):
    with acting_as("test"):
        audit_record(action="cpts.updated", cpts=alpha.cpts.short_name, summary="Fiche d'alpha")
        audit_record(action="cpts.updated", cpts=beta.cpts.short_name, summary="Fiche de beta")
    login(alpha_client, alpha)
    page = alpha_client.get("/admin/network-journal/").content.decode()
    assert "Fiche d&#x27;alpha" in page or "Fiche d'alpha" in page
    assert "Fiche de beta" not in page
    exported = alpha_client.get("/admin/network-journal/", {"format": "csv"}).content.decode("utf-8-sig")
    assert "alpha" in exported and "Fiche de beta" not in exported


def test_accounts_and_roles_granted_in_a_cpts_are_recorded(alpha, alpha_client):
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    with alpha.context():
        with acting_as("coord@alpha.test"):
            user = get_user_model().objects.create_user(
                "secretaire", "secretaire@alpha.test", "pw-secret-123"
            )
            user.groups.add(Group.objects.get(name="Rédaction"))
            user.is_superuser = True
            user.save()
        user.save(update_fields=["last_login"])  # a sign-in: nothing to record
    entries = list(
        AuditEntry.objects.filter(cpts=alpha.cpts.short_name, summary__contains="secretaire").values_list(
            "action", "actor", "summary"
        )
    )
    assert [action for action, _, _ in entries] == ["account.roles", "account.roles", "account.created"]
    assert all(actor == "coord@alpha.test" for _, actor, _ in entries)
    assert "Rédaction" in entries[1][2] and "is_superuser" in entries[0][2]
