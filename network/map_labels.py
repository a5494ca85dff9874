"""Place names on the maps: prefectures, and each CPTS's name on its territory where it fits.

Labels are SVG ``<text>`` over the drawn areas, hidden from assistive
technologies (each area already has its title, and the figures come as text
beside the map), and never catch the pointer, so every area stays a link. They
are dark with a white halo (``maps.css``), readable on every band's colour.

Department maps use another projection (@svg-maps) than commune maps (IGN
outlines in hectometres): a commune's point is carried from one to the other by
a linear fit of the departments' boxes in both, computed once.
"""

from __future__ import annotations

from dataclasses import dataclass

from .commune_outlines import _outlines
from .models import Commune
from .prefectures import CITY_CENTRES, PREFECTURES

# The prefecture of each metropolitan region (chef-lieu de région), labelled on the national map.
REGIONAL_PREFECTURES = {
    "11": "75056", "24": "45234", "27": "21231", "28": "76540", "32": "59350", "44": "67482",
    "52": "44109", "53": "35238", "75": "33063", "76": "31555", "84": "69123", "93": "13055",
    "94": "2A004",
}  # fmt: skip
# Labels per frame width: a label is about a fortieth of the frame high.
LABEL_SCALE = 40
# An average letter is about 0.55 of the font size wide: what « fits » measures.
LETTER_WIDTH = 0.55


@dataclass(frozen=True)
class MapLabel:
    x: float
    y: float
    text: str
    size: float
    # A dot marks a place (a prefecture); an area's name (a CPTS) has none.
    dot: bool = True


def _commune_boxes() -> dict:
    return _outlines().communes


def _centre(code: str) -> tuple[float, float] | None:
    entry = _commune_boxes().get(CITY_CENTRES.get(code, code))
    if entry is None:
        return None
    x0, y0, x1, y1 = entry[1]
    return (x0 + x1) / 2, (y0 + y1) / 2


_fits: dict[int, tuple[float, float, float, float]] = {}


def _to_department_map(theirs: dict) -> tuple[float, float, float, float]:
    """(ax, bx, ay, by): commune-map units to department-map units, x' = ax·x + bx (least squares),
    fitted once on the departments' boxes in both (``theirs``: the department map's, cached)."""
    if id(theirs) in _fits:
        return _fits[id(theirs)]
    ours = _outlines().department_boxes
    pairs_x, pairs_y = [], []
    for code, box in theirs.items():
        if code in ours:
            source = ours[code]
            pairs_x += [(source[0], box["box"][0]), (source[2], box["box"][2])]
            pairs_y += [(source[1], box["box"][1]), (source[3], box["box"][3])]

    def fit(pairs):
        n = len(pairs)
        mean_u, mean_v = sum(u for u, _ in pairs) / n, sum(v for _, v in pairs) / n
        slope = sum((u - mean_u) * (v - mean_v) for u, v in pairs) / sum((u - mean_u) ** 2 for u, _ in pairs)
        return slope, mean_v - slope * mean_u

    (ax, bx), (ay, by) = fit(pairs_x), fit(pairs_y)
    _fits[id(theirs)] = (ax, bx, ay, by)
    return ax, bx, ay, by


def _names(codes) -> dict[str, str]:
    return dict(Commune.objects.filter(code__in=list(codes)).values_list("code", "name"))


def department_map_labels(
    *, departments: list[str], region: str | None, width: float, outlines: dict
) -> list[MapLabel]:
    """Prefectures of ``departments`` on a region's map; regional prefectures on the national map.

    ``outlines`` are the department map's boxes (``network.maps``), to place the names on it."""
    codes = (
        [PREFECTURES[d] for d in departments if d in PREFECTURES] if region else REGIONAL_PREFECTURES.values()
    )
    ax, bx, ay, by = _to_department_map(outlines)
    size = round(width / LABEL_SCALE, 1) if region else 11
    names, labels = _names(codes), []
    for code in codes:
        point = _centre(code)
        if point and code in names:
            labels.append(
                MapLabel(round(ax * point[0] + bx, 1), round(ay * point[1] + by, 1), names[code], size)
            )
    return labels


def commune_map_labels(
    *, frame: tuple[int, int, int, int], territories: dict[str, list[str]] | None = None
) -> list[MapLabel]:
    """Prefectures inside ``frame`` and, where it fits, each territory's name (name → its unit codes)."""
    width = frame[2] - frame[0]
    size = round(width / LABEL_SCALE, 1)
    labels = []
    boxes = _commune_boxes()
    for name, units in (territories or {}).items():
        drawn = [boxes[c][1] for c in units if c in boxes]
        if not drawn:
            continue
        x0, y0 = min(b[0] for b in drawn), min(b[1] for b in drawn)
        x1, y1 = max(b[2] for b in drawn), max(b[3] for b in drawn)
        if len(name) * size * LETTER_WIDTH <= (x1 - x0) and size <= (y1 - y0):
            labels.append(MapLabel(round((x0 + x1) / 2), round((y0 + y1) / 2), name, size, dot=False))
    inside = {
        code: point
        for code in PREFECTURES.values()
        if (point := _centre(code)) and frame[0] <= point[0] <= frame[2] and frame[1] <= point[1] <= frame[3]
    }
    names = _names(inside)
    labels += [MapLabel(x, y, names[c], size) for c, (x, y) in inside.items() if c in names]
    return labels
