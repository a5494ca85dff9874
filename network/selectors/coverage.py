"""Coverage of France by CPTS: population, communes in no CPTS, overlaps (public schema).

Every figure is computed by SQL over the reference data and the claims table,
in a constant number of queries whatever the number of CPTS: a request never
visits a CPTS schema.

Population is counted on *units*: a commune, except Paris, Lyon and Marseille,
whose units are their municipal arrondissements. A CPTS claiming the whole
city covers all its arrondissements; one claiming Paris 13e covers that one.
So nobody is counted twice, whichever way a territory was written.

Every figure follows a stated definition of coverage (``network.coverage.Definition``:
ACI signed by default, health project validated, any stage): each reads its
own live counter, so the three cost the same.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db import connection

from network.coverage import COUNTERS, DEFAULT_DEFINITION, DEFINITION_STAGES, Definition, definition_explained
from network.models import Department, Region
from network.selectors.directory import CPTSFigures, cpts_figures
from tenants.models import Stage

OVERLAP_LIMIT = 200
UNCOVERED_LIMIT = 100

# Units are communes, or the arrondissements of Paris, Lyon and Marseille;
# cover_count is kept by network.coverage when a territory changes.
_UNIT = "u.is_current AND u.is_unit"


@dataclass
class CoverageFigures:
    """Population, and two counts that differ in Paris, Lyon and Marseille only.

    *Units* are what territories are made of: communes, and the 45
    arrondissements of those three cities instead of the cities themselves.
    *Communes* are communes: a city with arrondissements counts once, as
    uncovered only when none of its arrondissements is covered.
    """

    code: str
    name: str
    population: int = 0
    covered_population: int = 0
    units: int = 0
    uncovered_units: int = 0
    overlapping_units: int = 0
    communes: int = 0
    uncovered_communes: int = 0
    overlapping_communes: int = 0

    @property
    def covered_share(self) -> float:
        return round(self.covered_population / self.population, 4) if self.population else 0.0


@dataclass
class Coverage:
    level: str
    code: str
    name: str
    totals: CoverageFigures
    children: list[CoverageFigures]
    uncovered: list[dict] = field(default_factory=list)
    overlaps: list[dict] = field(default_factory=list)
    cpts: list[CPTSFigures] = field(default_factory=list)
    # The national view counts CPTS by stage and tier; the directory lists them.
    lists_cpts: bool = True
    # Which CPTS count as covering (network.coverage.Definition), shown beside every figure.
    definition: str = DEFAULT_DEFINITION
    # The chain above this level, as (level, code, name), France first: the breadcrumb.
    parents: list[tuple[str, str, str]] = field(default_factory=list)

    @property
    def definition_label(self) -> str:
        return str(Definition(self.definition).label)

    @property
    def definition_sentence(self) -> str:
        return str(definition_explained(self.definition))

    @property
    def counted_stages(self) -> tuple[str, ...]:
        return DEFINITION_STAGES[Definition(self.definition)]

    @property
    def uncovered_complete(self) -> bool:
        return len(self.uncovered) >= self.totals.uncovered_units

    @property
    def overlaps_complete(self) -> bool:
        return len(self.overlaps) >= self.totals.overlapping_units

    @property
    def cpts_by_stage(self) -> dict[str, int]:
        counts = {stage.value: 0 for stage in Stage}
        for item in self.cpts:
            counts[item.stage] += 1
        return counts

    @property
    def cpts_by_tier(self) -> dict[str, int]:
        counts = {str(t): 0 for t in (1, 2, 3, 4)}
        for item in self.cpts:
            counts[str(item.tier)] += 1
        return counts


def _counter(definition: str) -> str:
    """The column of network_commune that counts the CPTS of ``definition`` (a known name, never input)."""
    return COUNTERS[Definition(definition)]


def _counted_stages(definition: str) -> str:
    return ", ".join(f"'{stage}'" for stage in DEFINITION_STAGES[Definition(definition)])


def _figures_by(
    group_column: str, where: str, params: list, definition: str = DEFAULT_DEFINITION
) -> dict[str, CoverageFigures]:
    # Units in one scan, as before communes were counted apart; communes are the
    # units corrected by the 45 arrondissements of Paris, Lyon and Marseille
    # (read through the parent index): each city counts once, as uncovered when
    # none of its arrondissements is covered, as overlapping when one is claimed twice.
    count = f"u.{_counter(definition)}"
    sql = f"""
    WITH units AS (
        SELECT u.{group_column} AS area, sum(u.population) AS population,
               coalesce(sum(u.population) FILTER (WHERE {count} >= 1), 0) AS covered,
               count(*) AS units, count(*) FILTER (WHERE {count} = 0) AS uncovered,
               count(*) FILTER (WHERE {count} >= 2) AS overlapping
        FROM network_commune u
        WHERE {_UNIT} AND {where}
        GROUP BY 1
    ), cities AS (
        SELECT u.{group_column} AS area, count(*) AS arrondissements,
               count(*) FILTER (WHERE {count} = 0) AS uncovered,
               count(*) FILTER (WHERE {count} >= 2) AS overlapping,
               max({count}) AS most
        FROM network_commune u
        WHERE {_UNIT} AND u.parent_id IS NOT NULL AND {where}
        GROUP BY 1, u.parent_id
    ), correction AS (
        SELECT area, sum(arrondissements) - count(*) AS units,
               sum(uncovered) - count(*) FILTER (WHERE most = 0) AS uncovered,
               sum(overlapping) - count(*) FILTER (WHERE most >= 2) AS overlapping
        FROM cities
        GROUP BY area
    )
    SELECT units.area, units.population, units.covered, units.units, units.uncovered, units.overlapping,
           units.units - coalesce(c.units, 0), units.uncovered - coalesce(c.uncovered, 0),
           units.overlapping - coalesce(c.overlapping, 0)
    FROM units LEFT JOIN correction c ON c.area = units.area
    """
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, *params])
        return {
            row[0]: CoverageFigures(row[0], "", *(int(value or 0) for value in row[1:]))
            for row in cursor.fetchall()
        }


def _sum(code: str, name: str, parts: list[CoverageFigures]) -> CoverageFigures:
    return CoverageFigures(
        code,
        name,
        population=sum(p.population for p in parts),
        covered_population=sum(p.covered_population for p in parts),
        units=sum(p.units for p in parts),
        uncovered_units=sum(p.uncovered_units for p in parts),
        overlapping_units=sum(p.overlapping_units for p in parts),
        communes=sum(p.communes for p in parts),
        uncovered_communes=sum(p.uncovered_communes for p in parts),
        overlapping_communes=sum(p.overlapping_communes for p in parts),
    )


def _unit_row(code: str, name: str, population: int, department: str, is_arrondissement: bool) -> dict:
    """A unit as the coverage lists show it (the first five columns of their queries)."""
    kind = "arrondissement" if is_arrondissement else "commune"
    return {"code": code, "name": name, "population": population, "department": department, "kind": kind}


def _uncovered(
    where: str, params: list, *, limit: int | None = UNCOVERED_LIMIT, definition: str = DEFAULT_DEFINITION
) -> list[dict]:
    sql = f"""
    SELECT u.code, u.name, u.population, u.department_id, u.parent_id IS NOT NULL
    FROM network_commune u
    WHERE {_UNIT} AND u.{_counter(definition)} = 0 AND {where}
    ORDER BY u.population DESC, u.code {f"LIMIT {int(limit)}" if limit is not None else ""}
    """
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return [_unit_row(*row) for row in cursor.fetchall()]


def _overlaps(where: str, params: list, definition: str = DEFAULT_DEFINITION) -> list[dict]:
    # The units claimed twice first, through their counter's index, then their claims: only the
    # CPTS the definition counts are named (the others do not overlap under it).
    sql = f"""
    WITH shared AS (
        SELECT u.code, u.name, u.population, u.department_id, u.parent_id
        FROM network_commune u
        WHERE {_UNIT} AND u.{_counter(definition)} >= 2 AND {where}
        ORDER BY u.population DESC, u.code LIMIT {OVERLAP_LIMIT}
    )
    SELECT s.code, s.name, s.population, s.department_id, s.parent_id IS NOT NULL,
           array_agg(cp.short_name ORDER BY cp.short_name), array_agg(cp.name ORDER BY cp.short_name)
    FROM shared s
    JOIN network_unitclaim uc ON uc.unit_id = s.code AND uc.stage IN ({_counted_stages(definition)})
    JOIN tenants_cpts cp ON cp.id = uc.cpts_id
    GROUP BY s.code, s.name, s.population, s.department_id, s.parent_id
    ORDER BY s.population DESC, s.code
    """
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return [
            {
                **_unit_row(*row[:5]),
                "cpts": [{"short_name": s, "name": n} for s, n in zip(row[5], row[6], strict=False)],
            }
            for row in cursor.fetchall()
        ]


FRANCE = ("national", "FR", "France")


def coverage_national(*, definition: str = DEFAULT_DEFINITION) -> Coverage:
    regions = dict(Region.objects.values_list("code", "name"))
    by_region = _figures_by("region_id", "TRUE", [], definition)
    children = [
        CoverageFigures(**{**by_region[code].__dict__, "name": name})
        for code, name in regions.items()
        if code in by_region
    ]
    return Coverage(
        level="national",
        code="FR",
        name="France",
        totals=_sum("FR", "France", children),
        children=children,
        uncovered=_uncovered("TRUE", [], definition=definition),
        overlaps=_overlaps("TRUE", [], definition),
        cpts=cpts_figures(),
        lists_cpts=False,
        definition=definition,
    )


def coverage_by_region(code: str, *, definition: str = DEFAULT_DEFINITION) -> Coverage:
    region = Region.objects.get(code=code)
    departments = dict(region.departments.values_list("code", "name"))
    by_department = _figures_by("department_id", "u.region_id = %s", [code], definition)
    children = [
        CoverageFigures(**{**by_department[c].__dict__, "name": n})
        for c, n in departments.items()
        if c in by_department
    ]
    return Coverage(
        level="region",
        code=code,
        name=region.name,
        totals=_sum(code, region.name, children),
        children=children,
        uncovered=_uncovered("u.region_id = %s", [code], definition=definition),
        overlaps=_overlaps("u.region_id = %s", [code], definition),
        cpts=cpts_figures(region=code),
        definition=definition,
        parents=[FRANCE],
    )


def figures_by_department(
    region: str | None = None, *, definition: str = DEFAULT_DEFINITION
) -> dict[str, CoverageFigures]:
    """Every department's figures (of ``region``, or of the whole network), in one scan: a map's data."""
    if region:
        return _figures_by("department_id", "u.region_id = %s", [region], definition)
    return _figures_by("department_id", "TRUE", [], definition)


def uncovered_in_department(code: str, *, definition: str = DEFAULT_DEFINITION) -> list[dict]:
    """Every unit of a department in no CPTS, most populated first: the export, never cut."""
    Department.objects.get(code=code)  # DoesNotExist for an unknown code, as the other levels
    return _uncovered("u.department_id = %s", [code], limit=None, definition=definition)


def coverage_by_department(code: str, *, definition: str = DEFAULT_DEFINITION) -> Coverage:
    department = Department.objects.select_related("region").get(code=code)
    totals = _figures_by("department_id", "u.department_id = %s", [code], definition).get(code)
    totals = CoverageFigures(**{**(totals or CoverageFigures(code, "")).__dict__, "name": department.name})
    region = department.region
    return Coverage(
        level="department",
        code=code,
        name=department.name,
        totals=totals,
        children=[],
        uncovered=_uncovered("u.department_id = %s", [code], definition=definition),
        overlaps=_overlaps("u.department_id = %s", [code], definition),
        cpts=cpts_figures(department=code),
        definition=definition,
        parents=[FRANCE, ("region", region.code, region.name)] if region else [FRANCE],
    )
