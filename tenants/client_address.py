"""The visitor's address, for sign-in lockouts and rate limits, behind as many proxies as the operator says.

Without a proxy it is ``REMOTE_ADDR``. Behind ``CPTS_TRUSTED_PROXIES`` proxies
(nginx in ``deploy/``: one), each of which appends the address it received a
request from to ``X-Forwarded-For`` (or, like ours, writes it alone), the
client is the entry that the outermost trusted proxy wrote: the
``CPTS_TRUSTED_PROXIES``-th from the right. Entries further left were written
by the client itself and are never believed. This is the rule of Werkzeug's
``ProxyFix`` (``x_for``); django-ipware's proxy count reads the header
differently (it refuses the single entry nginx writes), so the few lines are
here, and both django-axes (``AXES_CLIENT_IP_CALLABLE``) and django-ratelimit
(``RATELIMIT_IP_META_KEY``) call this one function.

Needs: nothing. Offers: ``client_address``.
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest


def client_address(request: HttpRequest) -> str:
    """The address a sign-in or a form post is counted against."""
    trusted = getattr(settings, "CPTS_TRUSTED_PROXIES", 0)
    direct = request.META.get("REMOTE_ADDR", "")
    if not trusted:
        return direct
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    forwarded = [part for part in forwarded if part]
    # Fewer entries than trusted proxies: the request did not come through them all.
    return forwarded[-trusted] if len(forwarded) >= trusted else direct
