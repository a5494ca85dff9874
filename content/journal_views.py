"""The CPTS admin's view of the network journal: what the network recorded about this CPTS."""

from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from tenants.audit import audit_csv_response, audit_entries
from tenants.models import AuditEntry

from .sign_in import ACCOUNTS_PERMISSION

PAGE = 200


def network_journal(request):
    if not request.user.has_perm(ACCOUNTS_PERMISSION):
        raise PermissionDenied
    action = request.GET.get("action", "")
    if action not in AuditEntry.Action.values:
        action = ""
    entries = audit_entries(cpts=request.tenant.short_name, action=action or None)
    if request.GET.get("format") == "csv":
        return audit_csv_response(entries, filename=f"journal-{request.tenant.short_name}.csv")
    return TemplateResponse(
        request,
        "content/admin/network_journal.html",
        {
            "entries": entries[:PAGE],
            "page_size": PAGE,
            "actions": AuditEntry.Action.choices,
            "action": action,
            "header_title": _("Journal du réseau"),
        },
    )
