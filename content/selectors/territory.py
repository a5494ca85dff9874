"""Reads on a CPTS's territory, in its schema, with figures derived from reference data."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from content.models.territory import TerritoryCommune
from network.commune_maps import CANDIDATE, CommuneMap
from network.commune_maps import territory_map as commune_territory_map
from network.maps import Band
from network.models import TerritoryClaim
from network.resolution import LineResolution, Status, resolve_communes
from network.selectors import aci_tier
from tenants.models import CPTS
from tenants.selectors import current_cpts, require_schema


@dataclass
class TerritoryEntry:
    code: str
    name: str
    department: str
    population: int
    postal_codes: list[str]
    priority_neighbourhood_population: int | None
    # Other CPTS that claim this commune too (an overlap, shown on both sides).
    shared_with: list[str] = field(default_factory=list)


@dataclass
class TerritorySummary:
    communes: list[TerritoryEntry]
    population: int
    tier: int
    departments: list[str]

    @property
    def commune_count(self) -> int:
        return len(self.communes)

    @property
    def overlaps(self) -> list[TerritoryEntry]:
        return [entry for entry in self.communes if entry.shared_with]


def territory_summary(*, cpts: CPTS) -> TerritorySummary:
    """The territory of the CPTS whose schema is active: two queries."""
    require_schema(cpts)
    rows = list(TerritoryCommune.objects.select_related("commune").order_by("commune__search_name"))
    codes = {row.commune_id for row in rows}
    shared: dict[str, list[str]] = {}
    claims = (
        TerritoryClaim.objects.filter(commune_id__in=codes)
        .exclude(cpts_id=cpts.pk)
        .values_list("commune_id", "cpts__name")
        .order_by("cpts__name")
    )
    for code, name in claims:
        shared.setdefault(code, []).append(name)
    entries = [
        TerritoryEntry(
            code=row.commune.code,
            name=row.commune.name,
            department=row.commune.department_id,
            population=row.commune.population,
            postal_codes=row.commune.postal_codes,
            priority_neighbourhood_population=row.priority_neighbourhood_population,
            shared_with=shared.get(row.commune_id, []),
        )
        for row in rows
    ]
    # An arrondissement whose city is in the territory too is already counted.
    population = sum(
        row.commune.population
        for row in rows
        if not (row.commune.parent_id and row.commune.parent_id in codes)
    )
    return TerritorySummary(
        communes=entries,
        population=population,
        tier=aci_tier(population),
        departments=sorted({entry.department for entry in entries}),
    )


@dataclass(frozen=True)
class TerritoryImportPreview:
    """A pasted or uploaded list of communes, read against the CPTS's territory; nothing written."""

    rows: list[LineResolution]
    present: set[str]

    @property
    def counts(self) -> dict[str, int]:
        statuses = (Status.RESOLVED, Status.AMBIGUOUS, Status.UNRESOLVED)
        return {status: sum(1 for row in self.rows if row.status == status) for status in statuses}

    @property
    def resolved_codes(self) -> list[str]:
        return [row.commune.code for row in self.rows if row.status == Status.RESOLVED]


def territory_import_preview(*, cpts: CPTS, text: str) -> TerritoryImportPreview:
    """Each line resolved to a commune, looked for first in the departments the territory already
    covers (its own department for an empty territory); the admin's preview and the command's."""
    summary = territory_summary(cpts=cpts)
    departments = set(summary.departments) or {cpts.department_code}
    return TerritoryImportPreview(
        rows=resolve_communes(text, departments=departments),
        present={entry.code for entry in summary.communes},
    )


def territory_map(
    *, cpts: CPTS, marked: Iterable[str] = (), marked_as: Band = CANDIDATE, title: str = ""
) -> CommuneMap | None:
    """The territory of the CPTS whose schema is active, commune by commune among its neighbours,
    with the ``marked`` communes standing out (found before they are added, targeted by a campaign)."""
    require_schema(cpts)
    codes = list(TerritoryCommune.objects.values_list("commune_id", flat=True))
    return commune_territory_map(
        codes=codes, marked=marked, marked_as=marked_as, title=title or f"Le territoire {cpts.of_name}"
    )


def page_territory_map(page) -> CommuneMap | None:
    """The territory map shown on a CPTS's home page (None outside a CPTS: the template)."""
    cpts = current_cpts()
    return territory_map(cpts=cpts) if cpts else None


def territory_block() -> dict:
    """What the « Carte du territoire » block renders: the summary and the map (empty outside a CPTS)."""
    cpts = current_cpts()
    if cpts is None:
        return {"summary": None, "map": None}
    return {"summary": territory_summary(cpts=cpts), "map": territory_map(cpts=cpts)}


def territory_block_api() -> dict:
    """The block in the API: the communes with their outline, for a front end to draw the same map."""
    territory = territory_block()
    summary, drawn = territory["summary"], territory["map"]
    if summary is None:
        return {"communes": [], "population": 0}
    outlines = {area.code: f"{area.sprite}#c{area.code}" for area in drawn.areas} if drawn else {}
    return {
        "population": summary.population,
        "communes": [
            {
                "code": entry.code,
                "name": entry.name,
                "population": entry.population,
                "postal_codes": entry.postal_codes,
                "shared_with": entry.shared_with,
                "outline": outlines.get(entry.code),
            }
            for entry in summary.communes
        ],
        "view_box": drawn.view_box if drawn else None,
        "source": drawn.source if drawn else None,
        "licence": drawn.licence if drawn else None,
    }
