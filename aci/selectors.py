"""Reads of the ACI year in the current CPTS's schema: its table, what is missing, its figures.

``year_figures`` is the one dictionary the report (PDF, spreadsheet), the API and the
federation's copy are made from; a transmitted version freezes it (``AciReport.snapshot``).
"""

from __future__ import annotations

from decimal import Decimal

from django.utils.translation import gettext as _

from content.member_counts import member_counts
from content.models.aci import IndicatorValue
from content.selectors.territory import territory_summary
from network.funding import FundingGrid
from tenants.models import CPTS
from tenants.selectors import current_cpts
from tenants.vocabulary import CORE_MISSIONS, Mission, Profession

from .earnings import (
    GridAmounts,
    IndicatorResult,
    Level,
    PaymentRule,
    YearEarnings,
    indicator_share,
    year_earnings,
)
from .models import AciAction, AciContract, AciIndicatorYear, AciReport, AciYear, Source

OPERATING_LABEL = "Fonctionnement de la communauté"


def aci_contract() -> AciContract:
    """The schema's contract settings (unsaved defaults until first saved)."""
    return AciContract.objects.first() or AciContract()


def aci_years():
    return AciYear.objects.select_related("grid").prefetch_related("reports").order_by("-year")


def aci_year_get(year: int) -> AciYear | None:
    return aci_years().filter(year=year).first()


def latest_report(aci_year: AciYear) -> AciReport | None:
    return aci_year.reports.order_by("-version").first()


def grid_for_year(year: int) -> FundingGrid | None:
    """The complete national grid in force during ``year`` (the latest started by its end)."""
    grids = FundingGrid.objects.filter(is_partial=False).order_by("-valid_from")
    return grids.filter(valid_from__year__lte=year).first() or grids.last()


def engaged_missions(cpts: CPTS) -> list[str]:
    engaged = set(CORE_MISSIONS) | set(cpts.aci_optional_missions)
    return [mission.value for mission in Mission if mission in engaged]


def contract_year_number(cpts: CPTS, year: int) -> int | None:
    return None if cpts.aci_signed_on is None else year - cpts.aci_signed_on.year + 1


def proration(cpts: CPTS, contract: AciContract, year: int) -> Decimal:
    """The share of ``year`` the contract pays: the year of signature may be partial (contract's rule)."""
    if contract_year_number(cpts, year) != 1 or contract.first_year != AciContract.FirstYear.MONTHS:
        return Decimal(1)
    return Decimal(13 - cpts.aci_signed_on.month) / 12


def indicator_rows(aci_year: AciYear) -> list[AciIndicatorYear]:
    return list(
        aci_year.indicators.select_related("indicator").order_by("indicator__mission", "indicator__name")
    )


def _result(row: AciIndicatorYear) -> IndicatorResult:
    return IndicatorResult(
        mission=row.indicator.mission,
        name=row.indicator.name,
        weight=row.weight,
        target=row.target,
        value=row.value,
        baseline=row.baseline,
        levels=tuple(Level(Decimal(str(v)), Decimal(str(s))) for v, s in row.levels or []),
    )


def year_earnings_of(aci_year: AciYear, *, cpts: CPTS, tier: int, rows=None) -> YearEarnings:
    contract = aci_year.contract
    amounts = {(line.item, line.part): line.amount(tier) for line in aci_year.grid.lines.all()}
    return year_earnings(
        grid=GridAmounts({k: v for k, v in amounts.items() if v is not None}),
        missions=engaged_missions(cpts),
        contract_year=contract_year_number(cpts, aci_year.year) or 1,
        indicators=[_result(row) for row in (rows if rows is not None else indicator_rows(aci_year))],
        rule=PaymentRule(contract.payment_rule),
        proration=proration(cpts, contract, aci_year.year),
        serious_crisis=aci_year.serious_crisis,
    )


def year_missing(aci_year: AciYear, *, cpts: CPTS, rows=None) -> list[str]:
    """What keeps the year from a complete report, in French, for the coordinator."""
    rows = rows if rows is not None else indicator_rows(aci_year)
    missing = []
    for mission in engaged_missions(cpts):
        if mission == Mission.HEALTH_CRISES:
            continue  # no variable part: no indicator is needed to be paid
        label = str(Mission(mission).label)
        own = [row for row in rows if row.indicator.mission == mission]
        if not own:
            missing.append(_("%(m)s : aucun indicateur pour la part variable.") % {"m": label})
            continue
        weights = sum((row.weight for row in own), Decimal(0))
        if weights != 100:
            missing.append(
                _("%(m)s : les poids font %(w)s %% au lieu de 100 %%.") % {"m": label, "w": weights}
            )
    for row in rows:
        if row.target is None:
            missing.append(_("« %(i)s » : pas de cible.") % {"i": row.indicator.name})
        if row.value is None:
            missing.append(_("« %(i)s » : pas de valeur atteinte.") % {"i": row.indicator.name})
    if not aci_year.actions.exists():
        missing.append(_("Aucune action décrite pour l'exercice."))
    if aci_year.contract.payment_rule == PaymentRule.LEVELS:
        missing += [
            _("« %(i)s » : pas de paliers, alors que le contrat paie par paliers.")
            % {"i": row.indicator.name}
            for row in rows
            if not row.levels
        ]
    return missing


def _trend(rows: list[AciIndicatorYear]) -> dict[int, dict[int, str]]:
    """Per indicator, its value each year: the ACI years first, the site's yearly values otherwise."""
    ids = [row.indicator_id for row in rows]
    trend: dict[int, dict[int, str]] = {i: {} for i in ids}
    for value in IndicatorValue.objects.filter(indicator_id__in=ids):
        trend[value.indicator_id][value.year] = str(value.value)
    for row in AciIndicatorYear.objects.filter(indicator_id__in=ids, value__isnull=False).select_related(
        "aci_year"
    ):
        trend[row.indicator_id][row.aci_year.year] = str(row.value)
    return {i: dict(sorted(years.items())) for i, years in trend.items()}


def _money(value: Decimal) -> str:
    return str(value)


def year_figures(aci_year: AciYear, *, cpts: CPTS) -> dict:
    """Everything the report shows, as JSON-ready data (amounts and values as decimal strings)."""
    summary = territory_summary(cpts=cpts)
    rows = indicator_rows(aci_year)
    earnings = year_earnings_of(aci_year, cpts=cpts, tier=summary.tier, rows=rows)
    trend = _trend(rows)
    rule = PaymentRule(aci_year.contract.payment_rule)
    actions = list(aci_year.actions.all())
    professions = dict(Profession.choices)
    missions = []
    for mission in earnings.missions:
        label = OPERATING_LABEL if mission.mission == "operating" else str(Mission(mission.mission).label)
        indicators = []
        for row in rows:
            if row.indicator.mission != mission.mission:
                continue
            share = indicator_share(_result(row), rule)
            indicators.append(
                {
                    "name": row.indicator.name,
                    "unit": row.indicator.get_unit_display(),
                    "baseline": str(row.baseline),
                    "target": None if row.target is None else str(row.target),
                    "levels": [[str(v), str(s)] for v, s in row.levels or []],
                    "weight": str(row.weight),
                    "value": None if row.value is None else str(row.value),
                    "source": row.get_source_display(),
                    "counted": row.source != Source.TYPED,
                    "share": None if share is None else str(round(share * 100, 1)),
                    "trend": [[year, value] for year, value in trend[row.indicator_id].items()],
                }
            )
        missions.append(
            {
                "mission": mission.mission,
                "label": label,
                "fixed_max": _money(mission.fixed_max),
                "variable_max": _money(mission.variable_max),
                "fixed": _money(mission.fixed),
                "variable": _money(mission.variable),
                "maximum": _money(mission.maximum),
                "earned": _money(mission.earned),
                "achievement": None
                if mission.achievement is None
                else str(round(mission.achievement * 100, 1)),
                "actions": [
                    {"title": a.title, "status": a.get_status_display()}
                    for a in actions
                    if a.mission == mission.mission
                ],
                "indicators": indicators,
            }
        )
    report = latest_report(aci_year)
    return {
        "cpts": cpts.name,
        "year": aci_year.year,
        "contract_year": contract_year_number(cpts, aci_year.year),
        "signed_on": cpts.aci_signed_on.isoformat() if cpts.aci_signed_on else None,
        "grid": aci_year.grid.name,
        "grid_source": aci_year.grid.source,
        "tier": summary.tier,
        "population": summary.population,
        "communes": summary.commune_count,
        "departments": summary.departments,
        # Plain strings: the figures are frozen as JSON in a transmitted report (a lazy label is not JSON).
        "members": [
            {"profession": str(professions.get(row.profession, row.profession)), "count": row.count}
            for row in member_counts()
            if row.count
        ],
        "payment_rule": aci_year.contract.get_payment_rule_display(),
        "proration": str(round(earnings.proration, 4)),
        "serious_crisis": aci_year.serious_crisis,
        "missions": missions,
        "totals": {
            "maximum": _money(earnings.maximum),
            "earned": _money(earnings.earned),
            "fixed": _money(earnings.fixed),
            "variable": _money(earnings.variable),
            "variable_max": _money(earnings.variable_max),
            "advance": _money(earnings.advance),
        },
        "missing": year_missing(aci_year, cpts=cpts, rows=rows),
        "version": report.version if report else 1,
    }


def report_figures(report: AciReport, *, cpts: CPTS) -> dict:
    """A version's figures: frozen once transmitted, live while a draft."""
    figures = (
        dict(report.snapshot)
        if report.locked and report.snapshot
        else year_figures(report.aci_year, cpts=cpts)
    )
    figures.update(report_status(report))
    return figures


def report_status(report: AciReport) -> dict:
    return {
        "version": report.version,
        "status": report.status,
        "status_label": report.get_status_display(),
        "transmitted_at": report.transmitted_at.isoformat() if report.transmitted_at else None,
        "transmitted_by": report.transmitted_by,
        "validated_at": report.validated_at.isoformat() if report.validated_at else None,
        "validated_by": report.validated_by,
        "review_reference": report.review_reference,
    }


def action_rows(aci_year: AciYear) -> list[AciAction]:
    return list(aci_year.actions.order_by("mission", "title"))


def published_summary() -> dict | None:
    """The latest year's figures if the CPTS publishes its summary (frozen once transmitted), else None."""
    cpts = current_cpts()
    if cpts is None or not aci_contract().publish_summary:
        return None
    aci_year = aci_years().first()
    report = latest_report(aci_year) if aci_year else None
    return report_figures(report, cpts=cpts) if report else None
