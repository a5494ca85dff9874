"""Rollups of the values CPTS share, by France, region and department, with the small-number rule.

One query per rollup, over the public copy (``network.observatory``): the
values of one indicator and year (at most one row per CPTS), then grouped
here. A request never visits a CPTS schema.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import QuerySet

from network.models import Department, Region
from network.observatory import (
    Audience,
    IndicatorDefinition,
    IndicatorUnit,
    SharedIndicatorValue,
    value_base,
)

from .disclosure import cell_hidden_reason, hidden_alone, value_hidden_reason

NATIONAL = "FR"


def audiences_for(*, federation: bool) -> list[str]:
    """What a reader sees: open data for everyone; shared values too for the federation's staff."""
    return [Audience.OPEN, Audience.FEDERATION] if federation else [Audience.OPEN]


@dataclass
class AreaFigures:
    """An area's figures for one indicator and year; ``hidden_reason`` set means only ``reporting`` shows."""

    level: str  # "national", "region", "department"
    code: str
    name: str
    reporting: int = 0
    total: Decimal | None = None
    median: Decimal | None = None
    first_quartile: Decimal | None = None
    third_quartile: Decimal | None = None
    hidden_reason: str = ""

    @property
    def shown(self) -> bool:
        return self.reporting > 0 and not self.hidden_reason

    @property
    def headline(self) -> Decimal | None:
        """The one figure a map draws: the total of a count, the median of a rate or a delay."""
        return self.total if self.total is not None else self.median


@dataclass
class CPTSValue:
    cpts_id: int
    short_name: str
    name: str
    region_code: str
    department_code: str
    value: Decimal | None  # None: hidden, see ``hidden_reason``
    hidden_reason: str = ""


@dataclass
class Rollup:
    indicator: IndicatorDefinition
    year: int
    audiences: list[str]
    area: AreaFigures
    # Regions under France, departments under a region; a department has none.
    parts: list[AreaFigures] = field(default_factory=list)
    # CPTS one by one: open values only (shared values stay in aggregates).
    values: list[CPTSValue] = field(default_factory=list)
    histogram: list[tuple[str, int]] = field(default_factory=list)
    years: list[int] = field(default_factory=list)
    # Every department of the area with values, for the map.
    departments: list[AreaFigures] = field(default_factory=list)


def indicator_catalogue() -> QuerySet[IndicatorDefinition]:
    return IndicatorDefinition.objects.all()


def catalogue_with_years(*, audiences: list[str]) -> list[tuple[IndicatorDefinition, list[int]]]:
    """Every catalogue indicator with the years it has values for (newest first): two queries."""
    years: dict[str, list[int]] = defaultdict(list)
    for code, year in (
        SharedIndicatorValue.objects.filter(audience__in=audiences)
        .values_list("indicator_id", "year")
        .distinct()
        .order_by("indicator_id", "-year")
    ):
        years[code].append(year)
    return [(indicator, years.get(indicator.code, [])) for indicator in indicator_catalogue()]


def indicator_years(*, code: str, audiences: list[str]) -> list[int]:
    return sorted(
        SharedIndicatorValue.objects.filter(indicator_id=code, audience__in=audiences)
        .values_list("year", flat=True)
        .distinct(),
        reverse=True,
    )


def latest_year(*, code: str, audiences: list[str]) -> int:
    """The newest year ``code`` has values for; last year when it has none yet."""
    years = indicator_years(code=code, audiences=audiences)
    return years[0] if years else date.today().year - 1


def _rounded(value: Decimal | float) -> Decimal:
    return Decimal(value).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def area_figures(
    level: str, code: str, name: str, rows: list[dict], *, summable: bool, listed: bool
) -> AreaFigures:
    """An area's figures from its rows (``cpts_id``, ``value``, ``base``), under the small-number rule.

    ``summable``: the indicator is a count (a total is shown); ``listed``: the
    area's values are also published one by one (open data).
    """
    values = sorted(r["value"] for r in rows)
    figures = AreaFigures(level=level, code=code, name=name, reporting=len(rows))
    figures.hidden_reason = cell_hidden_reason(
        values,
        hidden_alone_count=sum(1 for r in rows if r["hidden"]),
        summable=summable,
        listed_one_by_one=listed,
    )
    if figures.hidden_reason:
        return figures
    if summable:
        figures.total = sum(values, Decimal(0))
    figures.first_quartile, figures.median, figures.third_quartile = (
        _rounded(_quantile(values, q)) for q in (Decimal("0.25"), Decimal("0.5"), Decimal("0.75"))
    )
    return figures


def _quantile(ordered: list[Decimal], q: Decimal) -> Decimal:
    """The ``q`` quantile of sorted values, interpolated between neighbours (``statistics``' inclusive
    method, exact in decimals and without its overhead, which showed over 3,600 areas)."""
    position = q * (len(ordered) - 1)
    below = int(position)
    if below + 1 >= len(ordered):
        return ordered[below]
    return ordered[below] + (ordered[below + 1] - ordered[below]) * (position - below)


def _histogram(rows: list[dict], *, bins: int = 5) -> list[tuple[str, int]]:
    """How many CPTS fall in each of ``bins`` equal ranges of values (the chart's bars)."""
    values = [float(r["value"]) for r in rows]
    low, high = min(values), max(values)
    if low == high:
        return [(_label(low), len(values))]
    width = (high - low) / bins
    counts = [0] * bins
    for value in values:
        counts[min(int((value - low) / width), bins - 1)] += 1
    return [(f"{_label(low + i * width)} – {_label(low + (i + 1) * width)}", n) for i, n in enumerate(counts)]


def _label(number: float) -> str:
    rounded = round(number, 1)
    text = f"{rounded:,.1f}".replace(",", "\u202f").replace(".", ",")
    return text.removesuffix(",0")


def indicator_rollup(
    *,
    code: str,
    year: int,
    audiences: list[str],
    region: str | None = None,
    department: str | None = None,
) -> Rollup:
    """The figures of ``code`` in ``year`` for France, a region or a department (raises DoesNotExist)."""
    indicator = IndicatorDefinition.objects.get(code=code)
    rows = _rows(audiences=audiences, year=year, code=code)
    summable = indicator.unit == IndicatorUnit.COUNT
    listed = audiences == [Audience.OPEN]
    if department:
        place = Department.objects.get(code=department)
        level, rows = (
            ("department", place.code, place.name),
            [r for r in rows if r["department"] == department],
        )
        parts_by, names = None, {}
    elif region:
        place = Region.objects.get(code=region)
        level, rows = ("region", place.code, place.name), [r for r in rows if r["region"] == region]
        parts_by = "department"
        names = dict(Department.objects.filter(region_id=region).values_list("code", "name"))
    else:
        level, parts_by = ("national", NATIONAL, "France"), "region"
        names = dict(Region.objects.values_list("code", "name"))

    rollup = Rollup(
        indicator=indicator,
        year=year,
        audiences=audiences,
        area=area_figures(*level, rows, summable=summable, listed=listed),
        years=indicator_years(code=code, audiences=audiences),
    )
    hidden_reason = value_hidden_reason(0)
    if parts_by:
        grouped: dict[str, list[dict]] = defaultdict(list)
        for row in rows:
            grouped[row[parts_by]].append(row)
        rollup.parts = [
            area_figures(
                parts_by, part, names.get(part, part), grouped[part], summable=summable, listed=listed
            )
            for part in sorted(grouped)
        ]
    if parts_by == "department":
        rollup.departments = rollup.parts
    else:
        by_department: dict[str, list[dict]] = defaultdict(list)
        for row in rows:
            by_department[row["department"]].append(row)
        department_names = dict(Department.objects.filter(code__in=by_department).values_list("code", "name"))
        rollup.departments = [
            area_figures(
                "department",
                d,
                department_names.get(d, d),
                by_department[d],
                summable=summable,
                listed=listed,
            )
            for d in sorted(by_department)
        ]
    if rollup.area.shown:
        rollup.histogram = _histogram(rows)
    # CPTS one by one in a region or a department; France lists its regions instead (a thousand
    # rows would weigh on every national answer for a list nobody reads whole).
    rollup.values = [
        CPTSValue(
            cpts_id=r["cpts_id"],
            short_name=r["short_name"],
            name=r["name"],
            region_code=r["region"],
            department_code=r["department"],
            value=None if r["hidden"] else r["value"],
            hidden_reason=hidden_reason if r["hidden"] else "",
        )
        for r in rows
        if r["audience"] == Audience.OPEN and rollup.area.level != "national"
    ]
    return rollup


def _rows(*, audiences: list[str], year: int, code: str | None = None) -> list[dict]:
    """The shared values of ``year`` (of one indicator, or all), one dictionary per CPTS and indicator."""
    counts_professionals = dict(IndicatorDefinition.objects.values_list("code", "counts_professionals"))
    values = SharedIndicatorValue.objects.filter(year=year, audience__in=audiences)
    if code is not None:
        values = values.filter(indicator_id=code)
    rows = []
    for (
        indicator,
        cpts_id,
        short_name,
        name,
        value,
        professionals,
        audience,
        region,
        department,
    ) in values.order_by("cpts__name").values_list(
        "indicator_id",
        "cpts_id",
        "cpts__short_name",
        "cpts__name",
        "value",
        "professionals",
        "audience",
        # Read from the CPTS's record: a CPTS that moves is counted in its new area at once.
        "cpts__region_code",
        "cpts__department_code",
    ):
        rows.append(
            {
                "indicator": indicator,
                "cpts_id": cpts_id,
                "short_name": short_name,
                "name": name,
                "value": value,
                "hidden": hidden_alone(
                    value_base(
                        value=value,
                        professionals=professionals,
                        counts_professionals=counts_professionals[indicator],
                    )
                ),
                "audience": audience,
                "region": region,
                "department": department,
            }
        )
    return rows


def open_values(*, year: int) -> list[dict]:
    """Every open value of ``year``, CPTS by CPTS, with ``hidden_reason`` where rule 1 hides it."""
    rows = _rows(audiences=[Audience.OPEN], year=year)
    hidden_reason = value_hidden_reason(0)
    for row in rows:
        row["hidden_reason"] = hidden_reason if row["hidden"] else ""
    return rows


def area_figures_of_year(*, year: int, audiences: list[str]) -> list[tuple[str, AreaFigures]]:
    """(indicator code, figures) of France, each region and each department, for every indicator."""
    units = dict(IndicatorDefinition.objects.values_list("code", "unit"))
    listed = audiences == [Audience.OPEN]
    regions = dict(Region.objects.values_list("code", "name"))
    departments = dict(Department.objects.values_list("code", "name"))
    by_indicator: dict[str, list[dict]] = defaultdict(list)
    for row in _rows(audiences=audiences, year=year):
        by_indicator[row["indicator"]].append(row)
    figures = []
    for code in units:
        rows = by_indicator.get(code)
        if not rows:
            continue
        summable = units[code] == IndicatorUnit.COUNT
        figures.append(
            (code, area_figures("national", NATIONAL, "France", rows, summable=summable, listed=listed))
        )
        for level, key, names in (("region", "region", regions), ("department", "department", departments)):
            grouped: dict[str, list[dict]] = defaultdict(list)
            for row in rows:
                grouped[row[key]].append(row)
            figures += [
                (
                    code,
                    area_figures(
                        level, area, names.get(area, area), grouped[area], summable=summable, listed=listed
                    ),
                )
                for area in sorted(grouped)
            ]
    return figures


def open_years() -> list[int]:
    return sorted(
        SharedIndicatorValue.objects.filter(audience=Audience.OPEN).values_list("year", flat=True).distinct()
    )
