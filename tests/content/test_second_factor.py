"""A CPTS account may turn a second factor on for itself; from then on its sign-in asks for a code."""

import re

import pytest
from django.test import Client

from tests.conftest import PASSWORD, login, totp_now


@pytest.fixture(autouse=True)
def _no_throttle(settings):
    """django-otp makes a device wait after a wrong code (its own, tested feature); these tests
    try a wrong code and the right one within the same second."""
    settings.OTP_TOTP_THROTTLE_FACTOR = 0
    settings.OTP_STATIC_THROTTLE_FACTOR = 0


def _sign_in(tenant, **extra):
    client = Client(HTTP_HOST=tenant.host)
    response = client.post(
        "/admin/login/", {"username": tenant.coordinator_email, "password": PASSWORD, **extra}
    )
    return client, response


def test_without_a_second_factor_the_password_is_enough(alpha):
    client, response = _sign_in(alpha)
    assert response.status_code == 302
    assert client.get("/admin/account/").status_code == 200
    page = client.get("/admin/account/second-factor/").content.decode()
    assert "Commencer" in page


def test_turned_on_the_sign_in_asks_for_a_code_and_recovery_codes_work_once(alpha, beta):
    client = Client(HTTP_HOST=alpha.host)
    login(client, alpha)
    started = client.post("/admin/account/second-factor/", {"action": "start"}).content.decode()
    secret = re.search(r'class="second-factor-key">([A-Z2-7]+)<', started).group(1)
    wrong = client.post("/admin/account/second-factor/", {"action": "confirm", "code": "000000"})
    assert "Code incorrect" in wrong.content.decode()
    done = client.post("/admin/account/second-factor/", {"action": "confirm", "code": totp_now(secret)})
    recovery = re.findall(r"<li><code>([a-z2-7]+)</code></li>", done.content.decode())
    assert len(recovery) == 10

    # The password alone no longer opens the admin, a wrong code neither.
    _, alone = _sign_in(alpha)
    assert alone.status_code == 200 and "demande un code" in alone.content.decode()
    _, wrong = _sign_in(alpha, otp_token="123456")
    assert wrong.status_code == 200
    # A recovery code opens it once.
    _, first = _sign_in(alpha, otp_token=recovery[0])
    assert first.status_code == 302
    _, again = _sign_in(alpha, otp_token=recovery[0])
    assert again.status_code == 200
    # The other CPTS's accounts are other accounts: untouched.
    _, elsewhere = _sign_in(beta)
    assert elsewhere.status_code == 302


def test_turning_it_off_needs_a_code(alpha):
    from content.models import HomePage  # noqa: F401 - the schema's apps are loaded
    from network.second_factor import second_factor_enrol

    with alpha.context():
        from django.contrib.auth import get_user_model

        factor = second_factor_enrol(user=get_user_model().objects.get(email=alpha.coordinator_email))
    client, response = _sign_in(alpha, otp_token=totp_now(factor.secret))
    assert response.status_code == 302
    refused = client.post("/admin/account/second-factor/", {"action": "remove", "code": "nope"})
    assert "reste active" in refused.content.decode()
    client.post("/admin/account/second-factor/", {"action": "remove", "code": factor.recovery_codes[0]})
    _, plain = _sign_in(alpha)
    assert plain.status_code == 302
