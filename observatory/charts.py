"""The observatory's charts: SVG drawn on the server, like the maps (``network.maps``).

Why not a JavaScript charting library: the pages keep the strict CSP (no
inline script or style), need nothing from a CDN, weigh a few hundred bytes
per chart, print, and read the same with scripts off. Each chart is one
``<svg role="img">`` with a title, a description in words, and the table of
its figures beside it (the text alternative).
"""

from __future__ import annotations

from dataclasses import dataclass

from network.maps import Band, DepartmentMap, department_map

from .selectors import AreaFigures

WIDTH, HEIGHT, BASELINE, LEFT = 600, 240, 200, 8


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    label: str
    count: int
    label_x: float

    @property
    def count_y(self) -> float:
        return round(self.y - 6, 1)


@dataclass(frozen=True)
class BarChart:
    title: str
    description: str
    bars: list[Bar]
    width: int = WIDTH
    height: int = HEIGHT
    baseline: int = BASELINE
    range_y: int = BASELINE + 22


def histogram_chart(*, title: str, histogram: list[tuple[str, int]]) -> BarChart | None:
    """One bar per range of values, as tall as the number of CPTS in it."""
    if not histogram:
        return None
    tallest = max(count for _label, count in histogram) or 1
    slot = (WIDTH - 2 * LEFT) / len(histogram)
    bars = []
    for index, (label, count) in enumerate(histogram):
        height = (BASELINE - 30) * count / tallest
        x = LEFT + index * slot + slot * 0.1
        bars.append(
            Bar(
                x=round(x, 1),
                y=round(BASELINE - height, 1),
                width=round(slot * 0.8, 1),
                height=round(height, 1),
                label=label,
                count=count,
                label_x=round(x + slot * 0.4, 1),
            )
        )
    words = " ; ".join(f"{label} : {count} CPTS" for label, count in histogram)
    return BarChart(
        title=title, description=f"Répartition des CPTS par tranche de valeurs. {words}.", bars=bars
    )


# Light to dark: the colour says how much, the legend and the table say exactly.
SECRET_BAND = Band(-2, -0.5, "secret statistique", "obs-secret")
NO_DATA_BAND = Band(-0.5, 0, "aucune valeur ouverte", "obs-none")
STEPS = ("obs-1", "obs-2", "obs-3", "obs-4")


def _number(value: float) -> str:
    return f"{value:,.0f}".replace(",", "\u202f") if value >= 10 else f"{value:.1f}".replace(".", ",")


def figures_map(
    *, title: str, departments: list[AreaFigures], codes: list[str], region: str | None, href
) -> DepartmentMap:
    """Departments (``codes``) coloured by their headline figure in four steps; secret and empty apart."""
    shown = sorted(float(d.headline) for d in departments if d.shown and d.headline is not None)
    bands = [SECRET_BAND, NO_DATA_BAND]
    if shown:
        low, high = shown[0], shown[-1]
        step = (high - low) / len(STEPS) or 1
        for index, css in enumerate(STEPS):
            start = low + index * step
            end = None if index == len(STEPS) - 1 else low + (index + 1) * step
            if end is None:
                label = f"{_number(start)} et plus"
            else:
                # The first step starts at 0: a department below the lowest figure shown still fits.
                label = f"moins de {_number(end)}" if index == 0 else f"{_number(start)} à {_number(end)}"
            bands.append(Band(start if index else 0, end, label, css))
    # department_map counts a department absent from ``values`` as 0: each gets its own value here.
    values = dict.fromkeys(codes, -0.25)
    words = dict.fromkeys(codes, "aucune valeur ouverte")
    for figures in departments:
        if figures.hidden_reason:
            values[figures.code] = -1
            words[figures.code] = f"secret statistique, {figures.hidden_reason}"
        elif figures.headline is not None:
            values[figures.code] = float(figures.headline)
            words[figures.code] = f"{_number(float(figures.headline))} ({figures.reporting} CPTS)"
    return department_map(
        title=title,
        values=values,
        legend=bands,
        # ``name`` is « Moselle (57) »: the code between the brackets finds the words.
        label=lambda name, _value: f"{name} : {words.get(name.rsplit('(', 1)[-1].rstrip(')'), '')}",
        href=href,
        region=region,
    )
