"""The federation's roles: an analyst reads and changes nothing; the administration runs the network."""

import pytest
from django.contrib.auth.models import Group
from django.test import Client

from network.federation_roles import ADMINISTRATION, ANALYST
from network.second_factor import second_factor_enrol
from tests.conftest import totp_now


def staff(django_user_model, role: str) -> Client:
    name = role.lower()
    user = django_user_model.objects.create_user(
        name, f"{name}@federation.test", "pw-role-123", is_staff=True
    )
    user.groups.add(Group.objects.get(name=role))
    factor = second_factor_enrol(user=user)
    client = Client(HTTP_HOST="localhost")
    without_code = client.post("/admin/login/", {"username": name, "password": "pw-role-123"})
    assert without_code.status_code == 200  # the second factor stays required, whatever the role
    signed = client.post(
        "/admin/login/", {"username": name, "password": "pw-role-123", "otp_token": totp_now(factor.secret)}
    )
    assert signed.status_code == 302, signed.content[:1000]
    return client


@pytest.mark.parametrize(
    ("path", "analyst", "administration"),
    [
        ("/admin/coverage/?region=44", 200, 200),
        ("/admin/campaigns/", 200, 200),
        ("/admin/tenants/cpts/", 200, 200),
        ("/admin/tenants/auditentry/", 200, 200),
        ("/admin/network/fundinggrid/", 200, 200),
        ("/admin/tenants/cpts/add/", 302, 200),  # the analyst is sent back to the index
        ("/admin/network/campaignkit/add/", 403, 200),
        ("/admin/auth/user/", 403, 200),
    ],
)
def test_each_federation_role_opens_what_it_may(path, analyst, administration, network, django_user_model):
    assert staff(django_user_model, ANALYST).get(path).status_code == analyst, path
    assert staff(django_user_model, ADMINISTRATION).get(path).status_code == administration, path


def test_an_analyst_cannot_change_a_cpts(alpha, django_user_model):
    analyst = staff(django_user_model, ANALYST)
    page = analyst.get(f"/admin/tenants/cpts/{alpha.cpts.pk}/change/")
    assert page.status_code == 200 and 'name="_save"' not in page.content.decode()
    refused = analyst.post(
        f"/admin/tenants/cpts/{alpha.cpts.pk}/change/", {"name": "Renommée", "stage": "idea"}
    )
    assert refused.status_code == 403
    alpha.cpts.refresh_from_db()
    assert alpha.cpts.name != "Renommée"


def test_an_analyst_exports_the_journal(alpha, django_user_model):
    from tenants.models import AuditEntry

    entry = AuditEntry.objects.filter(cpts="alpha").first()
    exported = staff(django_user_model, ANALYST).post(
        "/admin/tenants/auditentry/", {"action": "export_csv", "_selected_action": [entry.pk]}
    )
    assert exported.status_code == 200 and "alpha" in exported.content.decode()


def test_the_federation_s_own_administrator_reads_no_english_queue_in_its_admin(federation_staff_client):
    """django-tasks-db's results (« Task Results », « Par priority ») are the operator's, not shown there."""
    index = federation_staff_client.get("/admin/")
    assert index.status_code == 200
    assert "Task Result" not in index.content.decode()
    assert federation_staff_client.get("/admin/django_tasks_database/dbtaskresult/").status_code == 404
