"""Two-factor sign-in with django-otp: required for federation staff, optional for CPTS accounts.

Federation accounts can archive a whole CPTS: their admin asks, after the
password, for a six-digit code from an authenticator app (TOTP, RFC 6238) or
one of ten single-use recovery codes, and an account without a confirmed
device cannot reach it at all (``FederationAdminSite``). A CPTS account turns
it on for itself in its Wagtail account (``content.second_factor``); from then
on its sign-in asks for a code too.

Works in whichever schema is active: django-otp's tables are in every schema
(SHARED_APPS and TENANT_APPS), as accounts are. Offers the services
``second_factor_enrol`` (command line: confirmed at once),
``second_factor_start``/``second_factor_confirm`` (self-service: confirmed by
a first code), ``second_factor_remove``, and the selectors
``second_factor_status`` and ``second_factor_device``.
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


def _new_recovery_codes(user) -> list[str]:
    """Ten single-use codes; the previous ones stop working."""
    StaticDevice.objects.filter(user=user).delete()
    recovery = StaticDevice.objects.create(user=user, name=RECOVERY_DEVICE, confirmed=True)
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODES)]
    StaticToken.objects.bulk_create(StaticToken(device=recovery, token=code) for code in codes)
    return codes


@transaction.atomic
def second_factor_enrol(*, user) -> SecondFactor:
    """A new authenticator key and ten recovery codes; any previous ones stop working."""
    TOTPDevice.objects.filter(user=user).delete()
    device = TOTPDevice.objects.create(user=user, name=APP_DEVICE, confirmed=True)
    return _describe(user, device, _new_recovery_codes(user))


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


@transaction.atomic
def second_factor_start(*, user) -> SecondFactor:
    """A new, unconfirmed authenticator key: nothing changes at sign-in until a first code confirms it."""
    TOTPDevice.objects.filter(user=user, confirmed=False).delete()
    device = TOTPDevice.objects.create(user=user, name=APP_DEVICE, confirmed=False)
    return _describe(user, device, [])


def second_factor_pending(*, user) -> SecondFactor | None:
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    return _describe(user, device, []) if device else None


@transaction.atomic
def second_factor_confirm(*, user, code: str) -> list[str] | None:
    """Confirm the pending key with a first code; returns ten recovery codes, or None for a wrong code."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None or not device.verify_token(code.strip()):
        return None
    TOTPDevice.objects.filter(user=user, confirmed=True).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    return _new_recovery_codes(user)


@transaction.atomic
def second_factor_remove(*, user, code: str) -> bool:
    """Turn the second factor off, on a valid code (so that a stolen session alone cannot)."""
    device = second_factor_device(user=user, code=code)
    if device is None or not device.verify_token(code.strip()):
        return False
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()
    return True
