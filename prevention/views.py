"""CPTS admin views for the federation's campaign kits: adopt one, apply an offered update."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.permission_policies.pages import PagePermissionPolicy

from network.prevention import CampaignKit

from .models import CampaignPage
from .services import kit_adopt, kit_update_apply, kit_update_offer


def kit_index(request):
    adopted = {page.kit_id: page for page in CampaignPage.objects.filter(kit_id__isnull=False)}
    kits = CampaignKit.objects.filter(is_published=True).select_related("theme")
    rows = [
        {
            "kit": kit,
            "campaign": adopted.get(kit.pk),
            "update": kit_update_offer(page=adopted[kit.pk]) if kit.pk in adopted else None,
        }
        for kit in kits
    ]
    return TemplateResponse(request, "prevention/admin/kits.html", {"rows": rows})


@require_POST
def kit_adopt_view(request, kit_id: int):
    # Adopting writes a draft page: for those who may add pages (team.roles: not Lecture).
    if not PagePermissionPolicy().user_has_permission(request.user, "add"):
        raise PermissionDenied
    kit = get_object_or_404(CampaignKit, pk=kit_id, is_published=True)
    page = kit_adopt(kit=kit)
    messages.success(
        request,
        _("Le kit « %(title)s » est copié en brouillon : relisez-le puis publiez-le.") % {"title": kit.title},
    )
    return redirect("wagtailadmin_pages:edit", page.pk)


@require_POST
def kit_update_view(request, page_id: int):
    if not PagePermissionPolicy().user_has_permission(request.user, "change"):
        raise PermissionDenied
    page = get_object_or_404(CampaignPage, pk=page_id)
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    if kit_update_offer(page=page) is None:
        messages.info(request, _("Cette campagne suit déjà la dernière version du kit."))
        return redirect("prevention_kits")
    kit_update_apply(page=page)
    messages.success(request, _("Mise à jour du kit appliquée dans un nouveau brouillon, non publié."))
    return redirect("wagtailadmin_pages:edit", page.pk)
