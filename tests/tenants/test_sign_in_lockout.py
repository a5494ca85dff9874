"""Password guessing: a lockout per CPTS schema, a French page, an unlock, an audit trail."""

from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client

from tests.conftest import PASSWORD


def _fail(client: Client, username: str, times: int):
    responses = [
        client.post("/admin/login/", {"username": username, "password": "wrong"}) for _ in range(times)
    ]
    return responses[-1]


def test_wrong_passwords_lock_the_account_at_one_cpts_only(alpha, beta, settings):
    attacker = Client(HTTP_HOST=alpha.host, REMOTE_ADDR="203.0.113.9")
    first = _fail(attacker, alpha.coordinator_email, 1)
    assert first.status_code == 200  # an ordinary wrong password: the form again
    locked = _fail(attacker, alpha.coordinator_email, settings.AXES_FAILURE_LIMIT - 1)
    assert locked.status_code == 429
    assert "Connexion temporairement bloquée" in locked.content.decode()
    # The right password is refused while locked, even from another address.
    owner = Client(HTTP_HOST=alpha.host, REMOTE_ADDR="198.51.100.7")
    refused = owner.post("/admin/login/", {"username": alpha.coordinator_email, "password": PASSWORD})
    assert refused.status_code == 429
    # The same e-mail at another CPTS is another account, in another schema: not locked.
    with beta.context():
        get_user_model().objects.create_superuser(
            username=alpha.coordinator_email, email=alpha.coordinator_email, password=PASSWORD
        )
    connection.set_schema_to_public()
    elsewhere = Client(HTTP_HOST=beta.host, REMOTE_ADDR="203.0.113.9")
    assert (
        elsewhere.post(
            "/admin/login/", {"username": alpha.coordinator_email, "password": PASSWORD}
        ).status_code
        == 302
    )


def test_the_coordinator_unlocks_and_the_audit_log_keeps_both(alpha, settings):
    from wagtail.models import ModelLogEntry

    _fail(
        Client(HTTP_HOST=alpha.host, REMOTE_ADDR="203.0.113.9"),
        alpha.coordinator_email,
        settings.AXES_FAILURE_LIMIT,
    )
    with alpha.context():
        get_user_model().objects.create_superuser(
            username="adjointe", email="adjointe@alpha.test", password=PASSWORD
        )
    connection.set_schema_to_public()
    colleague = Client(HTTP_HOST=alpha.host, REMOTE_ADDR="198.51.100.20")
    assert colleague.post("/admin/login/", {"username": "adjointe", "password": PASSWORD}).status_code == 302
    page = colleague.get("/admin/sign-ins/").content.decode()
    assert alpha.coordinator_email in page and "Débloquer" in page
    with alpha.context():
        from axes.models import AccessAttempt

        attempt = AccessAttempt.objects.get(username=alpha.coordinator_email)
    connection.set_schema_to_public()
    assert colleague.post(f"/admin/sign-ins/{attempt.pk}/unlock/").status_code == 302
    owner = Client(HTTP_HOST=alpha.host, REMOTE_ADDR="198.51.100.7")
    assert (
        owner.post("/admin/login/", {"username": alpha.coordinator_email, "password": PASSWORD}).status_code
        == 302
    )
    with alpha.context():
        actions = list(ModelLogEntry.objects.values_list("action", flat=True))
    assert "cpts.sign_in_locked" in actions and "cpts.sign_in_unlocked" in actions
    history = colleague.get("/admin/reports/site-history/").content.decode()
    assert "Connexion bloquée" in history


def test_the_federation_admin_locks_too_and_lists_attempts(
    federation_staff_client, django_user_model, settings
):
    django_user_model.objects.create_superuser("officer", "officer@federation.test", "pw-officer-123")
    attacker = Client(HTTP_HOST="localhost", REMOTE_ADDR="203.0.113.50")
    locked = _fail(attacker, "officer", settings.AXES_FAILURE_LIMIT)
    assert locked.status_code == 429
    listing = federation_staff_client.get("/admin/axes/accessattempt/").content.decode()
    assert "officer" in listing
