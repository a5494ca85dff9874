"""A CPTS is a team: four roles from Wagtail's permissions, invitations, the bureau's validation."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.db import connection
from django.test import Client
from wagtail.models import Page, Workflow

from content.models import HomePage, StandardPage
from team.roles import BOARD, COORDINATION, READING, ROLE_NAMES, WORKFLOW_NAME, WRITING
from tenants.models import AuditEntry
from tests.conftest import PASSWORD, login

pytestmark = pytest.mark.django_db


def person(tenant, role: str, email: str | None = None):
    """An account of ``tenant`` with ``role`` and a known password (as an accepted invitation leaves it)."""
    email = email or f"{role.lower().replace('é', 'e')}@{tenant.schema_name}.test"
    with tenant.context():
        user = get_user_model().objects.create_user(username=email, email=email, password=PASSWORD)
        user.groups.add(Group.objects.get(name=role))
    connection.set_schema_to_public()
    return email


def signed_in(tenant, email: str) -> Client:
    client = Client(HTTP_HOST=tenant.host)
    response = client.post("/admin/login/", {"username": email, "password": PASSWORD})
    assert response.status_code == 302, response.content[:300]
    return client


def test_every_cpts_has_the_four_roles_and_the_bureau_s_validation(alpha):
    with alpha.context():
        names = set(Group.objects.values_list("name", flat=True))
        assert set(ROLE_NAMES) <= names and not names & {"Moderators", "Editors"}
        (workflow,) = Workflow.objects.all()
        (task,) = [t.specific for t in workflow.tasks]
        assert workflow.name == WORKFLOW_NAME
        assert list(task.groups.values_list("name", flat=True)) == [BOARD]
        assert Page.objects.get(depth=1).get_workflow() == workflow


def test_the_coordinator_invites_and_only_the_invited_person_chooses_the_password(
    alpha, alpha_client, django_capture_on_commit_callbacks
):
    login(alpha_client, alpha)
    with django_capture_on_commit_callbacks(execute=True):
        response = alpha_client.post("/admin/team/", {"email": "Redactrice@Alpha.TEST", "role": WRITING})
    assert response.status_code == 302
    invitation = mail.outbox[-1]
    assert invitation.to == ["redactrice@alpha.test"] and "« Rédaction »" in invitation.body
    link = re.search(r"https?://\S+/admin/password_reset/confirm/\S+/", invitation.body).group(0)
    path = link.split(alpha.host, 1)[1].lstrip(":0123456789")
    newcomer = Client(HTTP_HOST=alpha.host)
    form = newcomer.get(path, follow=True)
    assert form.status_code == 200
    chosen = newcomer.post(
        form.redirect_chain[-1][0],
        {"new_password1": "Choisi-par-elle-2026", "new_password2": "Choisi-par-elle-2026"},
    )
    assert chosen.status_code == 302
    signed = Client(HTTP_HOST=alpha.host).post(
        "/admin/login/", {"username": "redactrice@alpha.test", "password": "Choisi-par-elle-2026"}
    )
    assert signed.status_code == 302
    again = Client(HTTP_HOST=alpha.host).get(path, follow=True)
    assert "new_password1" not in again.content.decode()  # the link opened once
    roles = AuditEntry.objects.filter(action=AuditEntry.Action.ROLES_CHANGED, cpts="alpha")
    assert any(WRITING in entry.summary or WRITING in str(entry.data) for entry in roles)


def test_an_invitation_to_a_look_alike_of_an_account_is_refused_and_nothing_is_saved(alpha, alpha_client):
    login(alpha_client, alpha)
    response = alpha_client.post("/admin/team/", {"email": "coord@аlpha.test", "role": BOARD})  # Cyrillic а
    assert response.status_code == 400 and "ressemble" in response.content.decode()
    with alpha.context():
        assert get_user_model().objects.count() == 1


def test_a_writer_submits_to_the_bureau_which_publishes(alpha, django_capture_on_commit_callbacks):
    writer = signed_in(alpha, person(alpha, WRITING))
    with alpha.context():
        home_id = HomePage.objects.get().pk
    connection.set_schema_to_public()
    fields = {"title": "Permanence de soins", "slug": "permanence", "introduction": "", "body-count": "0"}
    # A writer who asks to publish only saves a draft: publishing is not theirs.
    writer.post(f"/admin/pages/add/content/standardpage/{home_id}/", {**fields, "action-publish": "1"})
    with alpha.context():
        page = StandardPage.objects.get(slug="permanence")
        assert not page.live
    connection.set_schema_to_public()
    submitted = writer.post(f"/admin/pages/{page.pk}/edit/", {**fields, "action-submit": "1"})
    assert submitted.status_code == 302
    with alpha.context():
        state = page.workflow_states.get()
        task_state = state.current_task_state
        assert state.status == "in_progress" and task_state.task.name == "Validation par le bureau"
    connection.set_schema_to_public()
    board = signed_in(alpha, person(alpha, BOARD))
    dashboard = board.get("/admin/").content.decode()
    assert "Permanence de soins" in dashboard  # waiting for the board, on its dashboard
    with django_capture_on_commit_callbacks(execute=True):
        approved = board.post(
            f"/admin/pages/workflow/action/{page.pk}/approve/{task_state.pk}/",
            {"comment": "Validé en bureau"},
        )
    assert approved.status_code in (200, 302)
    with alpha.context():
        assert StandardPage.objects.get(pk=page.pk).live


# Every screen the product adds to a CPTS's admin, and the roles that may open it; a new screen
# must be added here (test_every_screen_is_classified), or this file fails.
ALL = {COORDINATION, WRITING, BOARD, READING}
SCREENS = {
    "syndication_network": ALL,
    "syndication_subscription_add": {COORDINATION, BOARD},
    "syndication_subscription_remove": {COORDINATION, BOARD},
    "syndication_post_republish": {COORDINATION, BOARD},
    "syndication_sync": {COORDINATION, BOARD},
    "content_territory": ALL,
    "content_territory_suggestions": ALL,
    "content_territory_add": {COORDINATION},
    "content_territory_remove": {COORDINATION},
    "content_territory_import": {COORDINATION},
    "content_aci_contract": ALL,
    "aci_years": ALL,
    "aci_year": ALL,
    "aci_year_recount": {COORDINATION},
    "aci_year_sharing": ALL,
    "aci_report_transmit": {COORDINATION},
    "aci_report_validate": {COORDINATION, BOARD},
    "aci_report_correct": {COORDINATION},
    "aci_report_pdf": ALL,
    "aci_report_xlsx": ALL,
    "content_sign_ins": {COORDINATION},
    "content_network_journal": {COORDINATION},
    "content_second_factor": ALL,
    "content_sign_in_unlock": {COORDINATION},
    "content_identity": {COORDINATION},
    "prevention_kits": ALL,
    "prevention_kit_adopt": {COORDINATION, WRITING, BOARD},
    "prevention_kit_update": {COORDINATION, WRITING, BOARD},
    "members_index": {COORDINATION, BOARD},
    "members_detail": {COORDINATION, BOARD},
    "members_edit": {COORDINATION, BOARD},
    "members_decide": {COORDINATION, BOARD},
    "members_leave_directory": {COORDINATION, BOARD},
    "members_erase": {COORDINATION, BOARD},
    "members_attestation": {COORDINATION, BOARD},
    "site_import": {COORDINATION},
    "team_index": {COORDINATION},
    "team_withdraw": {COORDINATION},
    "applications_cv": {COORDINATION},
}
FIRST_PARTY = {
    "content", "members", "team", "prevention", "syndication", "site_import", "search", "network",
    "aci", "unscheduled_care", "applications",
}


def product_screens() -> list[tuple[str, str, bool]]:
    """(name, path, POST only) of every admin URL the product registers, from the URL configuration."""
    from django.urls import reverse
    from wagtail import hooks

    screens = []
    for register in hooks.get_hooks("register_admin_urls"):
        if register.__module__.split(".")[0] not in FIRST_PARTY:
            continue
        for pattern in register():
            arguments = dict.fromkeys(pattern.pattern.converters, 999999)
            screens.append((pattern.name, reverse(pattern.name, kwargs=arguments), _post_only(pattern)))
    return screens


def _post_only(pattern) -> bool:
    from django.test import RequestFactory

    try:
        response = pattern.callback(
            RequestFactory().get("/"), **dict.fromkeys(pattern.pattern.converters, 999999)
        )
    except Exception:  # noqa: BLE001 - anything but a 405 means GET is served
        return False
    return response.status_code == 405


def _denied(response) -> bool:
    """Wagtail's refusal: back to the dashboard with a message (or a plain 403)."""
    return response.status_code == 403 or (response.status_code == 302 and response["Location"] == "/admin/")


def test_every_screen_is_classified():
    assert {name for name, _, _ in product_screens()} == set(SCREENS)


def test_each_role_opens_exactly_its_screens_and_no_other_cpts_s(alpha, beta):
    clients = {role: signed_in(alpha, person(alpha, role)) for role in ROLE_NAMES}
    outsider = signed_in(beta, person(beta, COORDINATION))  # Beta's coordination, at Alpha's door
    outsider.defaults["HTTP_HOST"] = alpha.host
    anonymous = Client(HTTP_HOST=alpha.host)
    wrong = []
    for name, path, post_only in product_screens():
        send = (lambda c, p=path: c.post(p, {})) if post_only else (lambda c, p=path: c.get(p))
        for role, client in clients.items():
            response = send(client)
            allowed = role in SCREENS[name]
            if response.status_code >= 500 or _denied(response) == allowed:
                wrong.append((name, role, response.status_code))
        for who, client in (("autre CPTS", outsider), ("anonyme", anonymous)):
            response = send(client)
            if not (response.status_code == 302 and "/admin/login/" in response["Location"]):
                wrong.append((name, who, response.status_code))
    assert wrong == [], "\n".join(map(str, wrong))


def test_an_address_someone_typed_into_their_own_account_takes_no_one_s_invitation(
    alpha, alpha_client, django_capture_on_commit_callbacks
):
    writer = person(alpha, WRITING)
    with alpha.context():
        # Whatever way an editor's e-mail field came to hold another person's address…
        get_user_model().objects.filter(username=writer).update(email="nouvelle.coord@alpha.test")
    connection.set_schema_to_public()
    login(alpha_client, alpha)
    with django_capture_on_commit_callbacks(execute=True):
        alpha_client.post("/admin/team/", {"email": "Nouvelle.Coord@alpha.test", "role": COORDINATION})
    with alpha.context():
        assert list(get_user_model().objects.get(username=writer).groups.values_list("name", flat=True)) == [
            WRITING
        ]
        newcomer = get_user_model().objects.get(username="nouvelle.coord@alpha.test")
        assert list(newcomer.groups.values_list("name", flat=True)) == [COORDINATION]
    # …the invitation went to the invited person, with the CPTS's own address in its link.
    assert mail.outbox[-1].to == ["nouvelle.coord@alpha.test"]
    assert f"http://{alpha.host}/admin/password_reset/confirm/" in mail.outbox[-1].body


def test_the_invitation_link_never_carries_the_request_s_host(alpha, django_capture_on_commit_callbacks):
    client = Client(HTTP_HOST=f"{alpha.host.upper()}:1")
    login(client, alpha)
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/admin/team/", {"email": "lectrice@alpha.test", "role": READING})
    assert f"http://{alpha.host}/admin/password_reset/confirm/" in mail.outbox[-1].body


def test_an_unanswered_invitation_is_sent_again_with_a_link_and_only_roles_are_withdrawn(
    alpha, alpha_client, django_capture_on_commit_callbacks
):
    login(alpha_client, alpha)
    with django_capture_on_commit_callbacks(execute=True):
        alpha_client.post("/admin/team/", {"email": "tard@alpha.test", "role": READING})
        alpha_client.post("/admin/team/", {"email": "tard@alpha.test", "role": BOARD})
    assert "/admin/password_reset/confirm/" in mail.outbox[-1].body  # no password yet: a link again
    with alpha.context():
        user = get_user_model().objects.get(username="tard@alpha.test")
        Group.objects.get_or_create(name="Adhérents")[0].user_set.add(user)
    connection.set_schema_to_public()
    alpha_client.post(f"/admin/team/{user.pk}/withdraw/", {"role": "Adhérents"})
    with alpha.context():
        assert user.groups.filter(name="Adhérents").exists()  # not a role: untouched


def test_a_quoted_address_is_refused():
    from tenants.emails import EmailFormError, email_normalize

    with pytest.raises(EmailFormError):
        email_normalize('"coord"@alpha.test')
