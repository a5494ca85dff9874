"""Password guessing: locked per (account, address), slowed down per account, never a lockout by a stranger.

django-axes locks on what ``AXES_LOCKOUT_PARAMETERS`` names. Locking on the
account alone let anyone lock anyone out: five wrong passwords for a
coordinator's address, from anywhere, and the coordinator's right password
was refused everywhere for the cool-off, again and again. The rule now:

- **(account, address) pair**: ``AXES_FAILURE_LIMIT`` failures for one account
  from one client address lock that pair for ``AXES_COOLOFF_TIME``
  (``AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]``).
- **the account elsewhere is slowed down, not refused**: once the account has
  reached the limit across all addresses within the cool-off, a further try
  from another address is checked only if the account's last failure is older
  than a delay that doubles with each failure past the limit, up to
  ``SIGN_IN_SLOWDOWN_MAX_SECONDS`` (30 s by default). A try that comes sooner
  is answered 429 with the seconds to wait, without looking at its password
  and without being counted (``AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT``
  is off), so a hundred addresses guess at most one password every 30 s.
- **the owner's own addresses are never slowed**: an address this account has
  signed in from before (django-axes' access log) is checked at once.

The client address is ``tenants.client_address``'s (``REMOTE_ADDR``, or behind
``CPTS_TRUSTED_PROXIES`` proxies the address they forwarded). Counts live in the
schema of the request, like django-axes' tables.

Needs: django-axes. Offers: ``SlowingAxesHandler`` (``AXES_HANDLER``).
"""

from __future__ import annotations

from datetime import timedelta

from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_client_username
from axes.models import AccessAttempt, AccessLog
from django.conf import settings
from django.db.models import Max, Sum
from django.utils import timezone


def account_slowdown_seconds(*, username: str, ip_address: str | None) -> int:
    """Seconds ``ip_address`` must still wait before a password of ``username`` is checked (0: now)."""
    limit = settings.AXES_FAILURE_LIMIT
    since = timezone.now() - settings.AXES_COOLOFF_TIME
    failures = AccessAttempt.objects.filter(username=username, attempt_time__gte=since).aggregate(
        total=Sum("failures_since_start"), last=Max("attempt_time")
    )
    if (failures["total"] or 0) < limit:
        return 0
    if ip_address and AccessLog.objects.filter(username=username, ip_address=ip_address).exists():
        return 0
    ceiling = getattr(settings, "SIGN_IN_SLOWDOWN_MAX_SECONDS", 30)
    delay = min(2 ** min(failures["total"] - limit, 16), ceiling)
    waited = timezone.now() - failures["last"]
    return max(0, int((timedelta(seconds=delay) - waited).total_seconds() + 0.999))


class SlowingAxesHandler(AxesDatabaseHandler):
    """django-axes' database handler, with the account-wide slowdown above."""

    def is_locked(self, request, credentials: dict | None = None) -> bool:
        if super().is_locked(request, credentials):
            return True
        username = get_client_username(request, credentials)
        if not username:
            return False
        wait = account_slowdown_seconds(
            username=username, ip_address=getattr(request, "axes_ip_address", None)
        )
        if wait:
            # Read by the lockout page (it says how long to wait) and by the journal's receiver.
            request.cpts_sign_in_retry_after = wait
        return bool(wait)
