"""Wagtail admin views for a CPTS's territory: interfaces over content.services/selectors.

Every view works without JavaScript: search, choose and import are plain
forms, so a coordinator on any browser can maintain the territory.
"""

from collections.abc import Iterable

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Case, Q, When
from django.http import JsonResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from network.models import Commune
from network.names import normalize_name
from network.resolution import decode_upload
from network.selectors import funding_for_cpts
from tenants.services import cpts_update

from .forms import ACIContractForm, TerritoryImportForm
from .models import TerritoryCommune
from .selectors import territory_map, territory_summary
from .selectors.territory import territory_import_preview
from .services import territory_add_communes, territory_remove_communes

SEARCH_LIMIT = 30
SUGGESTIONS = 10


def _cpts(request):
    return request.tenant


# Who may read and change the territory: Wagtail's admin only asks for admin access, so each
# screen names its permission (team.roles grants them: Lecture reads, Coordination changes).
may_read_territory = permission_required("content.view_territorycommune", raise_exception=True)
may_change_territory = permission_required("content.change_territorycommune", raise_exception=True)


@may_read_territory
def territory_index(request):
    summary = territory_summary(cpts=_cpts(request))
    query = request.GET.get("q", "").strip()
    results = (
        commune_search(query, exclude={e.code for e in summary.communes}, departments=summary.departments)
        if query
        else []
    )
    return TemplateResponse(
        request,
        "content/admin/territory_index.html",
        {
            "summary": summary,
            "query": query,
            "results": results,
            # The communes found stand out on the territory's map before anyone adds them.
            "map": territory_map(cpts=_cpts(request), marked=[c.code for c in results]),
            "header_title": _("Territoire"),
        },
    )


@may_read_territory
def territory_suggestions(request):
    """Communes as the coordinator types (the search box's suggestions): JSON, territory excluded."""
    query = request.GET.get("q", "").strip()[:100]
    if len(query) < 2:
        return JsonResponse({"communes": []})
    territory = TerritoryCommune.objects.values_list("commune_id", "commune__department_id")
    found = commune_search(
        query, exclude={code for code, _ in territory}, departments={d for _, d in territory}
    )[:SUGGESTIONS]
    return JsonResponse(
        {
            "communes": [
                {
                    "code": c.code,
                    "name": c.name,
                    "department": c.department_id,
                    "department_name": c.department.name,
                    "postal_codes": c.postal_codes,
                    "population": c.population,
                }
                for c in found
            ]
        }
    )


def commune_search(query: str, *, exclude: set[str], departments: Iterable[str] = ()) -> list[Commune]:
    """By name (accents and abbreviations ignored), postal code or INSEE code.

    Communes of ``departments`` (the territory's) come first, then the most
    populous: « ars » means Ars-Laquenexy to a CPTS of Moselle.
    """

    normalized = normalize_name(query)
    found = Commune.objects.filter(is_current=True).filter(
        Q(code__iexact=query) | Q(postal_codes__contains=[query]) | Q(search_name__startswith=normalized)
    )
    nearby = Case(When(department_id__in=list(departments), then=0), default=1)
    return list(
        found.exclude(code__in=exclude)
        .select_related("department")
        .order_by(nearby, "-population")[:SEARCH_LIMIT]
    )


@require_POST
@may_change_territory
def territory_add(request):
    try:
        change = territory_add_communes(cpts=_cpts(request), codes=request.POST.getlist("code"))
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        if change.added:
            messages.success(request, _("%(n)d commune(s) ajoutée(s).") % {"n": len(change.added)})
        if change.already_present:
            messages.warning(
                request,
                _("Déjà dans le territoire : %(codes)s.") % {"codes": ", ".join(change.already_present)},
            )
    return redirect("content_territory")


@require_POST
@may_change_territory
def territory_remove(request):
    change = territory_remove_communes(cpts=_cpts(request), codes=request.POST.getlist("code"))
    if change.removed:
        messages.success(request, _("%(n)d commune(s) retirée(s).") % {"n": len(change.removed)})
    return redirect("content_territory")


@may_change_territory
def territory_import(request):
    """Step 1: paste or upload; step 2: the preview, where the coordinator confirms."""
    form = TerritoryImportForm(request.POST or None, request.FILES or None)
    preview = None
    if request.method == "POST" and form.is_valid():
        try:
            upload = form.cleaned_data.get("file")
            text = decode_upload(upload.read()) if upload else form.cleaned_data["text"]
            preview = territory_import_preview(cpts=_cpts(request), text=text)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return TemplateResponse(
                request,
                "content/admin/territory_preview.html",
                {
                    "preview": preview.rows,
                    "present": preview.present,
                    "counts": preview.counts,
                    "header_title": _("Vérifier l'import"),
                },
            )
    return TemplateResponse(
        request, "content/admin/territory_import.html", {"form": form, "header_title": _("Importer")}
    )


def aci_contract(request):
    """The CPTS's contract, its maximum funding this year, and its API's allowed origins."""
    needed = (
        "content.change_missionindicator" if request.method == "POST" else "content.view_missionindicator"
    )
    if not request.user.has_perm(needed):
        raise PermissionDenied

    cpts = _cpts(request)
    initial = {
        "aci_signed_on": cpts.aci_signed_on,
        "aci_optional_missions": cpts.aci_optional_missions,
        "frontend_origins": "\n".join(cpts.frontend_origins),
    }
    form = ACIContractForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            cpts_update(cpts=cpts, **form.cleaned_data)
        except ValidationError as error:
            for message in error.messages:
                form.add_error(None, message)
        else:
            messages.success(request, _("Contrat ACI enregistré."))
            return redirect("content_aci_contract")
    summary = territory_summary(cpts=cpts)
    return TemplateResponse(
        request,
        "content/admin/aci_contract.html",
        {"form": form, "funding": funding_for_cpts(cpts=cpts, tier=summary.tier), "summary": summary},
    )
