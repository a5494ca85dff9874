"""The CPTS directory: every CPTS with its territory's figures, read from the CPTS rows (public schema)."""

from __future__ import annotations

from dataclasses import dataclass

from network.selectors.tiers import aci_tier
from tenants.models import CPTS, Domain, Stage


@dataclass
class CPTSFigures:
    short_name: str
    name: str
    stage: str
    department_code: str
    region_code: str
    population: int
    communes: int
    departments: list[str]
    tier: int
    host: str | None = None
    frontend_url: str = ""

    @property
    def stage_label(self) -> str:
        return str(Stage(self.stage).label)


def cpts_figures(*, department: str | None = None, region: str | None = None) -> list[CPTSFigures]:
    """Every CPTS (of a department or region: by territory, or home department if it has none)."""
    rows = CPTS.objects.order_by("name").values_list(
        "short_name",
        "name",
        "stage",
        "department_code",
        "region_code",
        "territory_population",
        "territory_communes",
        "territory_departments",
        "territory_regions",
        "frontend_url",
        "pk",
    )
    hosts = dict(Domain.objects.filter(is_primary=True).values_list("tenant_id", "domain"))
    result = []
    for short, name, stage, dep, reg, population, communes, departments, regions, url, pk in rows:
        departments = list(departments) or [dep]
        regions = list(regions) or [reg]
        if department and department not in departments:
            continue
        if region and region not in regions:
            continue
        result.append(
            CPTSFigures(
                short,
                name,
                stage,
                dep,
                reg,
                population,
                communes,
                departments,
                aci_tier(population),
                hosts.get(pk),
                url,
            )
        )
    return result


def cpts_directory() -> list[CPTSFigures]:
    return cpts_figures()
