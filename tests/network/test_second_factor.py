"""Federation staff reach their admin with a password and a second factor, never with the password alone."""

from django.core.management import call_command
from django.test import Client

from network.second_factor import second_factor_enrol
from tests.conftest import totp_now


def _sign_in(client: Client, **extra):
    return client.post("/admin/login/", {"username": "officer", "password": "pw-officer-123", **extra})


def test_an_account_without_its_second_factor_cannot_reach_the_admin(federation_client, django_user_model):
    django_user_model.objects.create_superuser("officer", "officer@federation.test", "pw-officer-123")
    response = _sign_in(federation_client)
    assert response.status_code == 200  # the form again, not the admin
    assert federation_client.get("/admin/").status_code == 302
    assert federation_client.get("/admin/tenants/cpts/").status_code == 302


def test_the_password_alone_or_a_wrong_code_is_refused(federation_client, django_user_model):
    user = django_user_model.objects.create_superuser("officer", "officer@federation.test", "pw-officer-123")
    second_factor_enrol(user=user)
    assert _sign_in(federation_client).status_code == 200
    assert _sign_in(federation_client, otp_token="000000").status_code == 200
    assert federation_client.get("/admin/").status_code == 302


def test_an_authenticator_code_or_a_recovery_code_once(django_user_model):
    user = django_user_model.objects.create_superuser("officer", "officer@federation.test", "pw-officer-123")
    factor = second_factor_enrol(user=user)
    app = Client(HTTP_HOST="localhost")
    assert _sign_in(app, otp_token=totp_now(factor.secret)).status_code == 302
    assert app.get("/admin/").status_code == 200
    recovery = factor.recovery_codes[0]
    first = Client(HTTP_HOST="localhost")
    assert _sign_in(first, otp_token=recovery).status_code == 302
    again = Client(HTTP_HOST="localhost", REMOTE_ADDR="198.51.100.3")
    assert _sign_in(again, otp_token=recovery).status_code == 200  # single use


def test_the_command_enrols_and_shows_the_key(django_user_model, capsys):
    django_user_model.objects.create_superuser("officer", "officer@federation.test", "pw-officer-123")
    call_command("federation_2fa", "officer")
    out = capsys.readouterr().out
    assert "otpauth://totp/" in out and "codes de secours" in out
    call_command("federation_2fa", "officer", "--status")
    assert "otpauth://totp/" in capsys.readouterr().out


def test_cpts_admins_are_untouched(alpha, alpha_client):
    from tests.conftest import login

    login(alpha_client, alpha)
    assert alpha_client.get("/admin/").status_code == 200
