"""The CPTS admin's « Contrat ACI » screens: the years, a year's table, its report and its versions.

Plain forms, no script. Who may do what: ``aci.permissions``.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from content.selectors.territory import territory_summary

from . import services
from .forms import ActionFormSet, ContractForm, IndicatorFormSet, OpenYearForm, ValidateForm, YearForm
from .models import AciReport
from .permissions import may_edit, may_read, may_validate, require
from .report_pdf import report_pdf
from .report_xlsx import report_xlsx
from .selectors import (
    aci_contract,
    aci_year_get,
    aci_years,
    latest_report,
    report_figures,
    year_earnings_of,
    year_missing,
)


def _year_or_404(year: int):
    aci_year = aci_year_get(year)
    if aci_year is None:
        raise Http404(_("Pas d'exercice ACI %(y)s.") % {"y": year})
    return aci_year


def _errors(request, error: ValidationError) -> None:
    for message in error.messages:
        messages.error(request, message)


def years_index(request):
    require(may_read(request.user) and (request.method != "POST" or may_edit(request.user)))
    cpts = request.tenant
    contract_form = ContractForm(instance=aci_contract())
    open_form = OpenYearForm()
    if request.method == "POST" and "open" in request.POST:
        open_form = OpenYearForm(request.POST)
        if open_form.is_valid():
            try:
                aci_year = services.aci_year_open(cpts=cpts, year=open_form.cleaned_data["year"])
            except ValidationError as error:
                open_form.add_error(None, error)
            else:
                messages.success(request, _("Exercice %(y)s ouvert.") % {"y": aci_year.year})
                return redirect("aci_year", year=aci_year.year)
    elif request.method == "POST":
        contract_form = ContractForm(request.POST, instance=aci_contract())
        if contract_form.is_valid():
            services.aci_contract_update(cpts=cpts, **contract_form.cleaned_data)
            messages.success(request, _("Règles du contrat enregistrées."))
            return redirect("aci_years")
    years = [(aci_year, latest_report(aci_year)) for aci_year in aci_years()]
    return TemplateResponse(
        request,
        "aci/admin/years.html",
        {
            "years": years,
            "contract_form": contract_form,
            "open_form": open_form,
            "may_edit": may_edit(request.user),
            "signed_on": cpts.aci_signed_on,
        },
    )


def year_detail(request, year: int):
    require(may_read(request.user) and (request.method != "POST" or may_edit(request.user)))
    cpts = request.tenant
    aci_year = _year_or_404(year)
    report = latest_report(aci_year)
    data = request.POST if request.method == "POST" else None
    indicators = IndicatorFormSet(
        data,
        prefix="ind",
        queryset=aci_year.indicators.select_related("indicator").order_by(
            "indicator__mission", "indicator__name"
        ),
    )
    actions = ActionFormSet(data, prefix="act", queryset=aci_year.actions.order_by("mission", "title"))
    year_form = YearForm(data, instance=aci_year, prefix="year")
    if data is not None:
        if indicators.is_valid() and actions.is_valid() and year_form.is_valid():
            try:
                services.aci_year_update(
                    cpts=cpts,
                    aci_year=aci_year,
                    indicator_forms=indicators.forms,
                    action_forms=actions.forms,
                    year_form=year_form,
                )
            except ValidationError as error:
                _errors(request, error)
            else:
                messages.success(request, _("Exercice %(y)s enregistré.") % {"y": year})
                return redirect("aci_year", year=year)
        else:
            messages.error(request, _("Le tableau n'est pas enregistré : corrigez les cases signalées."))
    summary_tier = year_figures_tier(cpts)
    return TemplateResponse(
        request,
        "aci/admin/year.html",
        {
            "aci_year": aci_year,
            "report": report,
            "reports": list(aci_year.reports.order_by("-version")),
            "indicators": indicators,
            "actions": actions,
            "year_form": year_form,
            "earnings": year_earnings_of(aci_year, cpts=cpts, tier=summary_tier),
            "missing": year_missing(aci_year, cpts=cpts),
            "may_edit": may_edit(request.user) and not (report and report.locked),
            "may_transmit": may_edit(request.user) and report is not None and report.status == "draft",
            "may_validate": may_validate(request.user)
            and report is not None
            and report.status == "transmitted",
            "may_correct": may_edit(request.user) and report is not None and report.locked,
            "validate_form": ValidateForm(),
        },
    )


def year_figures_tier(cpts) -> int:
    return territory_summary(cpts=cpts).tier


def _post_action(request, year: int, allowed: bool, action, done: str):
    require(allowed)
    aci_year = _year_or_404(year)
    try:
        action(aci_year)
    except ValidationError as error:
        _errors(request, error)
    else:
        messages.success(request, done)
    return redirect("aci_year", year=year)


@require_POST
def year_recount(request, year: int):
    return _post_action(
        request,
        year,
        may_edit(request.user),
        lambda y: services.aci_year_recount(cpts=request.tenant, aci_year=y),
        _("Valeurs comptées à nouveau."),
    )


@require_POST
def report_transmit(request, year: int):
    return _post_action(
        request,
        year,
        may_edit(request.user),
        lambda y: services.aci_report_transmit(cpts=request.tenant, aci_year=y, by=request.user),
        _("Rapport transmis : l'exercice est verrouillé."),
    )


@require_POST
def report_validate(request, year: int):
    form = ValidateForm(request.POST)
    reference = form.data.get("reference", "")
    return _post_action(
        request,
        year,
        may_validate(request.user),
        lambda y: services.aci_report_validate(
            cpts=request.tenant, aci_year=y, by=request.user, reference=reference
        ),
        _("Rapport validé."),
    )


@require_POST
def report_correct(request, year: int):
    return _post_action(
        request,
        year,
        may_edit(request.user),
        lambda y: services.aci_report_correct(cpts=request.tenant, aci_year=y),
        _("Correction ouverte : nouvelle version en brouillon ; la précédente reste lisible."),
    )


def _report(request, year: int, version: int) -> tuple[dict, str]:
    require(may_read(request.user))
    aci_year = _year_or_404(year)
    report = AciReport.objects.filter(aci_year=aci_year, version=version).first()
    if report is None:
        raise Http404(_("Pas de version %(v)s de ce rapport.") % {"v": version})
    name = f"rapport-aci-{request.tenant.short_name}-{year}-v{version}"
    return report_figures(report, cpts=request.tenant), name


def report_pdf_view(request, year: int, version: int):
    figures, name = _report(request, year, version)
    return file_response(report_pdf(figures), "application/pdf", f"{name}.pdf")


def report_xlsx_view(request, year: int, version: int):
    figures, name = _report(request, year, version)
    return file_response(
        report_xlsx(figures),
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        f"{name}.xlsx",
    )


def file_response(content: bytes, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    return response
