"""Sign-in: django-axes' lockouts and slowdowns, the federation's second factor."""

from __future__ import annotations

from datetime import timedelta
from typing import Any


def sign_in_settings(
    *, require_federation_2fa: bool, failure_limit: int, cooloff: timedelta
) -> dict[str, Any]:
    """django-axes first: it refuses a locked-out account or address before any password is
    checked. Its tables live in every schema, so failures at Metz count at Metz only."""
    return {
        "AUTHENTICATION_BACKENDS": [
            "axes.backends.AxesStandaloneBackend",
            "django.contrib.auth.backends.ModelBackend",
        ],
        "FEDERATION_REQUIRE_2FA": require_federation_2fa,
        "OTP_TOTP_ISSUER": "Fédération des CPTS",
        "AXES_FAILURE_LIMIT": failure_limit,
        # One account from one client address reaching the limit locks that pair only;
        # elsewhere the account is slowed down, never locked (tenants/sign_in_throttle.py).
        "AXES_LOCKOUT_PARAMETERS": [["username", "ip_address"]],
        "AXES_HANDLER": "tenants.sign_in_throttle.SlowingAxesHandler",
        "SIGN_IN_SLOWDOWN_MAX_SECONDS": 30,
        # A try refused while locked or slowed is not counted: it would push the delay on.
        "AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT": False,
        "AXES_COOLOFF_TIME": cooloff,
        "AXES_RESET_ON_SUCCESS": True,
        "AXES_ENABLE_ACCESS_FAILURE_LOG": True,
        "AXES_LOCKOUT_TEMPLATE": "cpts_network/locked_out.html",
        "AXES_HTTP_RESPONSE_CODE": 429,
        # The client's address for lockouts and the forms' rate limits: REMOTE_ADDR, or behind
        # CPTS_TRUSTED_PROXIES proxies the address they forwarded (tenants.client_address).
        "CPTS_TRUSTED_PROXIES": 0,
        "AXES_CLIENT_IP_CALLABLE": "tenants.client_address.client_address",
        "RATELIMIT_IP_META_KEY": "tenants.client_address.client_address",
    }
