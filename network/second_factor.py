"""Two-factor sign-in for federation staff (public schema), with django-otp.

Federation accounts can archive a whole CPTS: their admin asks, after the
password, for a six-digit code from an authenticator app (TOTP, RFC 6238) or
one of ten single-use recovery codes. An account without a confirmed device
cannot reach the federation's admin at all (``FederationAdminSite``).

Needs: django-otp's TOTP and static plugins in SHARED_APPS. Offers the
service ``second_factor_enrol`` and the selector ``second_factor_status``
(behind ``manage.py federation_2fa``).
"""

from __future__ import annotations

from base64 import b32encode
from dataclasses import dataclass
from urllib.parse import quote

from django.db import transaction
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

APP_DEVICE = "Application d'authentification"
RECOVERY_DEVICE = "Codes de secours"
RECOVERY_CODES = 10
ISSUER = "Fédération des CPTS"


@dataclass(frozen=True)
class SecondFactor:
    username: str
    secret: str  # base32, as authenticator apps take it typed in
    uri: str  # otpauth://, as they take it from a QR code
    recovery_codes: list[str]


def _describe(user, device: TOTPDevice, codes: list[str]) -> SecondFactor:
    secret = b32encode(bytes.fromhex(device.key)).decode()
    label = quote(f"{ISSUER}:{user.get_username()}")
    uri = f"otpauth://totp/{label}?secret={secret}&issuer={quote(ISSUER)}&digits={device.digits}&period={device.step}"
    return SecondFactor(user.get_username(), secret, uri, codes)


@transaction.atomic
def second_factor_enrol(*, user) -> SecondFactor:
    """A new authenticator key and ten recovery codes; any previous ones stop working."""
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()
    device = TOTPDevice.objects.create(user=user, name=APP_DEVICE, confirmed=True)
    recovery = StaticDevice.objects.create(user=user, name=RECOVERY_DEVICE, confirmed=True)
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODES)]
    StaticToken.objects.bulk_create(StaticToken(device=recovery, token=code) for code in codes)
    return _describe(user, device, codes)


def second_factor_status(*, user) -> SecondFactor | None:
    """The account's key and its unused recovery codes, or None when it has no second factor."""
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if device is None:
        return None
    codes = list(StaticToken.objects.filter(device__user=user).values_list("token", flat=True))
    return _describe(user, device, codes)


def second_factor_device(*, user, code: str):
    """The device a typed code belongs to: six digits are the app's, anything else a recovery code."""
    code = (code or "").strip()
    if code.isdigit() and len(code) == 6:
        return TOTPDevice.objects.filter(user=user, confirmed=True).first()
    return StaticDevice.objects.filter(user=user, confirmed=True).first()
