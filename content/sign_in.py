"""Sign-ins of this CPTS (current schema): lockouts, recent failures, unlocking.

django-axes counts failed sign-ins in the schema of the request (its tables
are in every schema), so these reads and writes concern the active CPTS only.
Locks and unlocks also go to Wagtail's audit log ("Historique du site"), where
the coordinator filters and exports them with the rest of the site's history.

Needs: django-axes, Wagtail's log. Offers: selectors ``sign_in_lockouts`` and
``sign_in_failures``, service ``sign_in_unlock``, receiver ``record_lockout``.
"""

from __future__ import annotations

from axes.models import AccessAttempt, AccessFailureLog
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import connection, transaction
from django.db.models import QuerySet
from django.utils import timezone
from django_tenants.utils import get_public_schema_name
from wagtail.log_actions import log

from tenants.audit import audit_record
from tenants.models import AuditEntry

# Sign-ins, unlocking and the network's journal are about accounts: for those who manage them.
ACCOUNTS_PERMISSION = "auth.change_user"
LOCKED = "cpts.sign_in_locked"
UNLOCKED = "cpts.sign_in_unlocked"


def sign_in_lockouts() -> QuerySet[AccessAttempt]:
    """Accounts and addresses locked out now (at the limit, within the cool-off)."""
    since = timezone.now() - settings.AXES_COOLOFF_TIME
    return AccessAttempt.objects.filter(
        failures_since_start__gte=settings.AXES_FAILURE_LIMIT, attempt_time__gte=since
    ).order_by("-attempt_time")


def sign_in_failures(*, limit: int = 50) -> QuerySet[AccessFailureLog]:
    return AccessFailureLog.objects.order_by("-attempt_time")[:limit]


def _account(username: str | None):
    if not username:
        return None
    model = get_user_model()
    return model.objects.filter(**{model.USERNAME_FIELD: username}).first()


@transaction.atomic
def sign_in_unlock(*, attempt_id: int, by) -> AccessAttempt | None:
    """Lift one lockout now; the unlock is in the audit log with who did it."""

    attempt = AccessAttempt.objects.filter(pk=attempt_id).first()
    if attempt is None:
        return None
    attempt.delete()
    account = _account(attempt.username)
    if account is not None:
        log(instance=account, action=UNLOCKED, user=by, data={"ip_address": attempt.ip_address})
    return attempt


def record_lockout(sender, request, username, ip_address, **kwargs) -> None:
    """django-axes' ``user_locked_out``: a line in the network's journal, and in the CPTS's history.

    A try only slowed down (``tenants.sign_in_throttle``) is no lockout: no line.
    """
    if getattr(request, "cpts_sign_in_retry_after", 0):
        return
    tenant = getattr(connection, "tenant", None)
    short_name = (
        getattr(tenant, "short_name", "") if connection.schema_name != get_public_schema_name() else ""
    )
    audit_record(
        action=AuditEntry.Action.SIGN_IN_LOCKED,
        cpts=short_name,
        summary=f"Connexion bloquée : « {username or '?'} » depuis {ip_address or '?'}.",
        data={"username": username or "", "ip_address": ip_address or ""},
    )
    if not short_name:
        return  # the federation has no Wagtail history; its journal and django-axes' logs say it

    account = _account(username)
    if account is not None:
        log(instance=account, action=LOCKED, data={"ip_address": ip_address})
