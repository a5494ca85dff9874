"""Writes of the ACI year: open a year, edit its table, count values, and move its report along.

Every write ends by rewriting the federation's copy of the year (``aci.copy``) in
the same transaction: the network never shows totals the CPTS has not committed.
A year whose latest report is transmitted or validated is locked: a correction
opens a new version (the old one keeps its frozen figures).
"""

from __future__ import annotations

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from content.models.aci import MissionIndicator
from content.models.pages import MissionAction
from tenants.models import CPTS

from .copy import aci_year_publish
from .counters import counted_value
from .models import AciAction, AciContract, AciIndicatorYear, AciReport, AciYear, Source
from .selectors import engaged_missions, grid_for_year, latest_report, year_figures


def _who(user) -> str:
    return (getattr(user, "get_full_name", lambda: "")() or getattr(user, "email", "") or str(user))[:254]


@transaction.atomic
def aci_contract_update(
    *, cpts: CPTS, payment_rule: str, first_year: str, publish_summary: bool
) -> AciContract:
    contract = AciContract.objects.select_for_update().first() or AciContract()
    contract.payment_rule, contract.first_year, contract.publish_summary = (
        payment_rule,
        first_year,
        publish_summary,
    )
    contract.full_clean()
    contract.save()
    for aci_year in contract.years.all():
        aci_year_publish(aci_year=aci_year, cpts=cpts)
    return contract


@transaction.atomic
def aci_year_open(*, cpts: CPTS, year: int) -> AciYear:
    """A new exercice: the grid in force, the site's mission actions, every indicator of the site.

    What the previous year set (baseline, target, weight, levels, sources) carries over;
    a first year weights a mission's indicators equally (to be adjusted to the contract).
    """
    if cpts.aci_signed_on is None:
        raise ValidationError(_("Renseignez d'abord la date de signature du contrat ACI."))
    if year < cpts.aci_signed_on.year:
        raise ValidationError(_("L'exercice %(y)s précède la signature du contrat.") % {"y": year})
    if AciYear.objects.filter(year=year).exists():
        raise ValidationError(_("L'exercice %(y)s existe déjà.") % {"y": year})
    grid = grid_for_year(year)
    if grid is None:
        raise ValidationError(_("Aucune grille nationale complète : la fédération doit la saisir."))
    contract = AciContract.objects.first() or AciContract.objects.create()
    aci_year = AciYear(contract=contract, year=year, grid=grid)
    aci_year.full_clean()
    aci_year.save()
    missions = set(engaged_missions(cpts))
    AciAction.objects.bulk_create(
        AciAction(aci_year=aci_year, mission=action.page.mission, title=action.title, status=action.status)
        for action in MissionAction.objects.select_related("page").filter(page__mission__in=missions)
    )
    previous = {
        row.indicator_id: row
        for row in AciIndicatorYear.objects.filter(aci_year__year__lt=year).order_by("aci_year__year")
    }
    indicators = list(MissionIndicator.objects.filter(mission__in=missions))
    per_mission: dict[str, int] = {}
    for indicator in indicators:
        per_mission[indicator.mission] = per_mission.get(indicator.mission, 0) + 1
    for indicator in indicators:
        before = previous.get(indicator.pk)
        row = AciIndicatorYear(
            aci_year=aci_year,
            indicator=indicator,
            baseline=before.baseline if before else Decimal(0),
            target=before.target if before else indicator.target,
            weight=before.weight if before else round(Decimal(100) / per_mission[indicator.mission], 2),
            levels=before.levels if before else [],
            source=before.source if before else Source.TYPED,
        )
        row.value = counted_value(row.source, year)
        row.full_clean()
        row.save()
    AciReport.objects.create(aci_year=aci_year)
    aci_year_publish(aci_year=aci_year, cpts=cpts)
    return aci_year


def _refuse_if_locked(aci_year: AciYear) -> None:
    report = latest_report(aci_year)
    if report is not None and report.locked:
        raise ValidationError(
            _("Le rapport %(y)s est %(s)s : ouvrez une correction pour modifier l'exercice.")
            % {"y": aci_year.year, "s": report.get_status_display()}
        )


@transaction.atomic
def aci_year_update(*, cpts: CPTS, aci_year: AciYear, indicator_forms, action_forms, year_form=None) -> None:
    """Save the year's table (already validated forms): indicators, actions, the crisis switch."""
    aci_year = AciYear.objects.select_for_update().get(pk=aci_year.pk)
    _refuse_if_locked(aci_year)
    for form in [*indicator_forms, *action_forms, *([year_form] if year_form else [])]:
        instance = form.save(commit=False)
        if isinstance(instance, AciIndicatorYear) and instance.source != Source.TYPED:
            instance.value = counted_value(instance.source, aci_year.year)
        instance.full_clean()
        instance.save()
    aci_year_publish(aci_year=aci_year, cpts=cpts)


@transaction.atomic
def aci_year_recount(*, cpts: CPTS, aci_year: AciYear) -> int:
    """Recount every value taken from the product; how many changed."""
    _refuse_if_locked(aci_year)
    changed = 0
    for row in aci_year.indicators.exclude(source=Source.TYPED):
        value = counted_value(row.source, aci_year.year)
        if value != row.value:
            row.value = value
            row.save(update_fields=["value"])
            changed += 1
    aci_year_publish(aci_year=aci_year, cpts=cpts)
    return changed


@transaction.atomic
def aci_report_transmit(*, cpts: CPTS, aci_year: AciYear, by) -> AciReport:
    """Send the draft to the CPAM and the ARS: its figures freeze, the year locks."""
    report = AciReport.objects.select_for_update().filter(aci_year=aci_year).order_by("-version").first()
    if report is None or report.status != AciReport.Status.DRAFT:
        raise ValidationError(_("Seul un brouillon peut être transmis."))
    for row in aci_year.indicators.exclude(source=Source.TYPED):
        row.value = counted_value(row.source, aci_year.year)
        row.save(update_fields=["value"])
    report.snapshot = year_figures(aci_year, cpts=cpts)
    report.status = AciReport.Status.TRANSMITTED
    report.transmitted_at = timezone.now()
    report.transmitted_by = _who(by)
    report.full_clean()
    report.save()
    aci_year_publish(aci_year=aci_year, cpts=cpts)
    return report


@transaction.atomic
def aci_report_validate(*, cpts: CPTS, aci_year: AciYear, by, reference: str) -> AciReport:
    """Record the review's outcome: the transmitted version becomes validated (locked for good)."""
    report = AciReport.objects.select_for_update().filter(aci_year=aci_year).order_by("-version").first()
    if report is None or report.status != AciReport.Status.TRANSMITTED:
        raise ValidationError(_("Seul un rapport transmis peut être validé."))
    if not reference.strip():
        raise ValidationError(_("Indiquez la référence du dialogue de gestion (compte rendu, date)."))
    report.status = AciReport.Status.VALIDATED
    report.validated_at = timezone.now()
    report.validated_by = _who(by)
    report.review_reference = reference.strip()
    report.full_clean()
    report.save()
    aci_year_publish(aci_year=aci_year, cpts=cpts)
    return report


@transaction.atomic
def aci_report_correct(*, cpts: CPTS, aci_year: AciYear) -> AciReport:
    """A new draft version after a transmitted or validated one, which stays readable as it was."""
    report = AciReport.objects.select_for_update().filter(aci_year=aci_year).order_by("-version").first()
    if report is None or not report.locked:
        raise ValidationError(_("Le brouillon en cours se modifie directement."))
    draft = AciReport(aci_year=aci_year, version=report.version + 1)
    draft.full_clean()
    draft.save()
    aci_year_publish(aci_year=aci_year, cpts=cpts)
    return draft
