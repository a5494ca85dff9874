"""Password guessing: a lockout per CPTS schema, a French page, an unlock, an audit trail."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.db import connection
from django.db.models import F
from django.test import Client

from tests.conftest import PASSWORD


def _fail(client: Client, username: str, times: int):
    responses = [
        client.post("/admin/login/", {"username": username, "password": "wrong"}) for _ in range(times)
    ]
    return responses[-1]


def _sign_in(client: Client, username: str):
    return client.post("/admin/login/", {"username": username, "password": PASSWORD})


def test_wrong_passwords_lock_the_account_from_that_address_at_one_cpts_only(alpha, beta, settings):
    owner = Client(HTTP_HOST=alpha.host, REMOTE_ADDR="198.51.100.7")
    assert _sign_in(owner, alpha.coordinator_email).status_code == 302  # the owner's usual address
    attacker = Client(HTTP_HOST=alpha.host, REMOTE_ADDR="203.0.113.9")
    first = _fail(attacker, alpha.coordinator_email, 1)
    assert first.status_code == 200  # an ordinary wrong password: the form again
    locked = _fail(attacker, alpha.coordinator_email, settings.AXES_FAILURE_LIMIT - 1)
    assert locked.status_code == 429
    assert "Connexion temporairement bloquée" in locked.content.decode()
    # The attacker's address stays locked, even with the right password.
    assert _sign_in(attacker, alpha.coordinator_email).status_code == 429
    # The owner, from their own address, signs in at once.
    assert (
        _sign_in(
            Client(HTTP_HOST=alpha.host, REMOTE_ADDR="198.51.100.7"), alpha.coordinator_email
        ).status_code
        == 302
    )
    # The same e-mail at another CPTS is another account, in another schema: not locked.
    with beta.context():
        get_user_model().objects.create_superuser(
            username=alpha.coordinator_email, email=alpha.coordinator_email, password=PASSWORD
        )
    connection.set_schema_to_public()
    elsewhere = Client(HTTP_HOST=beta.host, REMOTE_ADDR="203.0.113.9")
    assert _sign_in(elsewhere, alpha.coordinator_email).status_code == 302


def test_guesses_from_many_addresses_slow_the_account_down_but_never_lock_its_owner_out(alpha, settings):
    from axes.models import AccessAttempt

    owner_address = "198.51.100.7"
    assert (
        _sign_in(Client(HTTP_HOST=alpha.host, REMOTE_ADDR=owner_address), alpha.coordinator_email).status_code
        == 302
    )
    # A botnet: a few wrong passwords from each of many addresses, never reaching a pair's limit.
    for n in range(4):
        _fail(Client(HTTP_HOST=alpha.host, REMOTE_ADDR=f"203.0.113.{n + 1}"), alpha.coordinator_email, 2)
    # Past the limit account-wide, a new address waits before its password is even looked at.
    newcomer = Client(HTTP_HOST=alpha.host, REMOTE_ADDR="192.0.2.77")
    slowed = _sign_in(newcomer, alpha.coordinator_email)
    assert slowed.status_code == 429
    page = slowed.content.decode()
    assert "Trop d&#x27;essais sur ce compte" in page or "Trop d'essais sur ce compte" in page
    assert "réessayez dans" in page
    # Past the limit, the botnet's quick tries were refused unchecked and not counted.
    with alpha.context():
        counted = sum(AccessAttempt.objects.values_list("failures_since_start", flat=True))
    assert counted == settings.AXES_FAILURE_LIMIT
    # The owner, from their own address, is never slowed.
    assert (
        _sign_in(Client(HTTP_HOST=alpha.host, REMOTE_ADDR=owner_address), alpha.coordinator_email).status_code
        == 302
    )
    # Once the delay has passed, the newcomer's password is checked.
    with alpha.context():
        AccessAttempt.objects.update(
            attempt_time=F("attempt_time") - timedelta(seconds=settings.SIGN_IN_SLOWDOWN_MAX_SECONDS)
        )
    connection.set_schema_to_public()
    assert _sign_in(newcomer, alpha.coordinator_email).status_code == 302


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


def test_behind_the_proxy_a_lockout_is_the_attacker_s_not_every_visitor_s(alpha, settings):
    settings.CPTS_TRUSTED_PROXIES = 1  # nginx in front: every request comes from 127.0.0.1

    def behind_proxy(address: str, forged: str = "") -> Client:
        forwarded = f"{forged}, {address}" if forged else address
        return Client(HTTP_HOST=alpha.host, REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR=forwarded)

    assert _sign_in(behind_proxy("198.51.100.7"), alpha.coordinator_email).status_code == 302
    # The attacker writes a new X-Forwarded-For each time: only the proxy's entry counts.
    for n in range(settings.AXES_FAILURE_LIMIT):
        _fail(behind_proxy("203.0.113.9", forged=f"10.0.0.{n}"), alpha.coordinator_email, 1)
    assert (
        _sign_in(behind_proxy("203.0.113.9", forged="10.9.9.9"), alpha.coordinator_email).status_code == 429
    )
    # The owner, behind the same proxy, from their own address, signs in at once.
    assert _sign_in(behind_proxy("198.51.100.7"), alpha.coordinator_email).status_code == 302
