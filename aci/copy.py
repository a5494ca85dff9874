"""The federation's copy of this CPTS's ACI years (``network.AciYearCopy``): status and totals.

Written by every service that changes a year, in its transaction; rebuilt, withdrawn
and checked with the other public copies (``tenants.public_copies``). A transmitted or
validated year is copied from its frozen figures, a draft from the live ones.
"""

from __future__ import annotations

from network.aci_years import AciYearCopy
from tenants.models import CPTS

from .models import AciYear
from .selectors import aci_contract, aci_years, latest_report, report_figures, year_figures
from .sharing import shared_values_publish

FIELDS = ("version", "status", "grid", "tier", "maximum", "earned", "fixed", "variable", "variable_max")


def _copy_values(aci_year: AciYear, *, cpts: CPTS) -> dict:
    report = latest_report(aci_year)
    figures = report_figures(report, cpts=cpts) if report else year_figures(aci_year, cpts=cpts)
    totals = figures["totals"]
    return {
        "version": report.version if report else 1,
        "status": report.status if report else "draft",
        "transmitted_at": report.transmitted_at if report else None,
        "validated_at": report.validated_at if report else None,
        "grid": figures["grid"][:200],
        "tier": figures["tier"],
        "maximum": totals["maximum"],
        "earned": totals["earned"],
        "fixed": totals["fixed"],
        "variable": totals["variable"],
        "variable_max": totals["variable_max"],
        "indicators_missing": sum(
            1 for m in figures["missions"] for i in m["indicators"] if i["value"] is None
        ),
        "published": aci_contract().publish_summary,
    }


def aci_year_publish(*, aci_year: AciYear, cpts: CPTS) -> None:
    """Rewrite the copy of one year (called with the CPTS's schema active, in the writer's transaction)."""
    AciYearCopy.objects.update_or_create(
        cpts=cpts, year=aci_year.year, defaults=_copy_values(aci_year, cpts=cpts)
    )
    # The observatory's copy of the year's shared values follows the same writes (aci.sharing).
    shared_values_publish(aci_year=aci_year, cpts=cpts)


def aci_copies_rebuild(cpts: CPTS) -> None:
    AciYearCopy.objects.filter(cpts=cpts).delete()
    for aci_year in aci_years():
        AciYearCopy.objects.create(cpts=cpts, year=aci_year.year, **_copy_values(aci_year, cpts=cpts))


def aci_copies_withdraw(cpts: CPTS) -> None:
    AciYearCopy.objects.filter(cpts=cpts).delete()


def aci_copies_drift(cpts: CPTS) -> list[str]:
    copied = {c.year: c for c in AciYearCopy.objects.filter(cpts=cpts)}
    problems = []
    for aci_year in aci_years():
        copy = copied.pop(aci_year.year, None)
        if copy is None:
            problems.append(f"exercice ACI {aci_year.year} absent de la copie du réseau")
            continue
        live = _copy_values(aci_year, cpts=cpts)
        differ = [name for name in FIELDS if str(getattr(copy, name)) != str(live[name])]
        if differ:
            problems.append(
                f"exercice ACI {aci_year.year} : {', '.join(differ)} diffèrent de la copie du réseau"
            )
    problems += [f"exercice ACI {year} dans la copie du réseau mais plus ici" for year in sorted(copied)]
    return problems
