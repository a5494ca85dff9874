"""Accounts and roles into the network's journal, in every schema (receivers).

Who may administer a CPTS, or the federation, is what an attacker wants to
change first: a new account, an account made administrator or deactivated,
groups granted or withdrawn. Each lands in ``AuditEntry`` with the schema's
CPTS (empty for the federation) and whoever was signed in. A sign-in, which
only touches ``last_login``, records nothing.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db import connection
from django.db.models.signals import m2m_changed, post_save, pre_save
from django_tenants.utils import get_public_schema_name

from .audit import audit_record
from .models import AuditEntry

WATCHED = ("is_superuser", "is_staff", "is_active")


def _cpts() -> str:
    if connection.schema_name == get_public_schema_name():
        return ""
    return getattr(connection.tenant, "short_name", connection.schema_name)


def remember_roles(sender, instance, update_fields=None, **kwargs) -> None:
    if not instance.pk or (update_fields is not None and not set(update_fields) & set(WATCHED)):
        instance._roles_before = None
        return
    instance._roles_before = sender.objects.filter(pk=instance.pk).values(*WATCHED).first()


def record_account(sender, instance, created, **kwargs) -> None:
    name = instance.get_username()
    if created:
        role = " (administrateur)" if instance.is_superuser else ""
        audit_record(
            action=AuditEntry.Action.ACCOUNT_CREATED, cpts=_cpts(), summary=f"Compte « {name} » créé{role}."
        )
        return
    before = getattr(instance, "_roles_before", None)
    if not before:
        return
    changed = {flag: getattr(instance, flag) for flag in WATCHED if before[flag] != getattr(instance, flag)}
    if changed:
        audit_record(
            action=AuditEntry.Action.ROLES_CHANGED,
            cpts=_cpts(),
            summary=f"Compte « {name} » : "
            + ", ".join(f"{flag} → {value}" for flag, value in changed.items()),
            data=changed,
        )


def record_groups(sender, instance, action, pk_set, model, **kwargs) -> None:
    if action not in ("post_add", "post_remove", "post_clear") or not hasattr(instance, "get_username"):
        return
    names = sorted(model.objects.filter(pk__in=pk_set or []).values_list("name", flat=True))
    verb = {"post_add": "ajouté(s)", "post_remove": "retiré(s)", "post_clear": "tous retirés"}[action]
    audit_record(
        action=AuditEntry.Action.ROLES_CHANGED,
        cpts=_cpts(),
        summary=f"Compte « {instance.get_username()} » : groupes {verb} {', '.join(names)}".strip() + ".",
        data={"groups": names, "change": action},
    )


def connect() -> None:
    user = get_user_model()
    pre_save.connect(remember_roles, sender=user, dispatch_uid="tenants.journal.roles_before")
    post_save.connect(record_account, sender=user, dispatch_uid="tenants.journal.account")
    m2m_changed.connect(record_groups, sender=user.groups.through, dispatch_uid="tenants.journal.groups")
