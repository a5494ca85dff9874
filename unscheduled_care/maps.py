"""The places of a « Soins non programmés » page on the territory's map, server-rendered.

The map is ``content``'s territory map (``network.commune_maps``), whose
metropolitan communes are drawn in Lambert-93 (EPSG:2154) in hectometres, y
pointing down from ``METRO_TOP`` (``network/data/build_communes_map.py``). A
place's latitude and longitude are projected here with the same projection,
so its mark sits where it is among the communes' outlines. The formulas are
IGN's for the Lambert conformal conic on GRS80 (NTG_71 « Projection cartographique
conique conforme de Lambert »), a few lines that spare the runtime pyproj.
Overseas communes are drawn each in their own azimuthal projection: their
places are listed, not marked.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from content.selectors import territory_map
from network.commune_maps import CommuneMap
from tenants.models import CPTS

# GRS80 and Lambert-93's parameters (EPSG:2154).
_A = 6378137.0
_E = math.sqrt(2 / 298.257222101 - (1 / 298.257222101) ** 2)
_LAT1, _LAT2, _LAT0, _LON0 = (math.radians(d) for d in (44.0, 49.0, 46.5, 3.0))
_X0, _Y0 = 700000.0, 6600000.0
METRO_TOP = 7_200_000  # as network/data/build_communes_map.py


def _m(lat: float) -> float:
    return math.cos(lat) / math.sqrt(1 - (_E * math.sin(lat)) ** 2)


def _t(lat: float) -> float:
    return math.tan(math.pi / 4 - lat / 2) / ((1 - _E * math.sin(lat)) / (1 + _E * math.sin(lat))) ** (_E / 2)


_N = math.log(_m(_LAT1) / _m(_LAT2)) / math.log(_t(_LAT1) / _t(_LAT2))
_F = _m(_LAT1) / (_N * _t(_LAT1) ** _N)
_RHO0 = _A * _F * _t(_LAT0) ** _N


def lambert93(longitude: float, latitude: float) -> tuple[float, float]:
    """Easting and northing in metres (EPSG:2154) of a WGS84 point."""
    rho = _A * _F * _t(math.radians(latitude)) ** _N
    theta = _N * (math.radians(longitude) - _LON0)
    return _X0 + rho * math.sin(theta), _Y0 + _RHO0 - rho * math.cos(theta)


def map_point(longitude: float, latitude: float) -> tuple[float, float]:
    """The point in the communes maps' units (hectometres, y down)."""
    x, y = lambert93(longitude, latitude)
    return round(x / 100, 1), round((METRO_TOP - y) / 100, 1)


@dataclass(frozen=True)
class PlaceMark:
    number: int
    label: str
    x: float
    y: float
    anchor: str


@dataclass(frozen=True)
class PlacesMap:
    map: CommuneMap
    marks: list[PlaceMark]
    radius: float


def _inside(view_box: str, x: float, y: float) -> bool:
    x0, y0, width, height = (float(part) for part in view_box.split())
    return x0 <= x <= x0 + width and y0 <= y <= y0 + height


def places_map(*, cpts: CPTS, places: list[dict], title: str) -> PlacesMap | None:
    """The territory with each place numbered at its coordinates (places outside the frame left out)."""
    drawn = territory_map(cpts=cpts, title=title)
    if drawn is None:
        return None
    marks = []
    for number, place in enumerate(places, start=1):
        x, y = map_point(place["longitude"], place["latitude"])
        if place.get("overseas") or not _inside(drawn.view_box, x, y):
            continue
        marks.append(PlaceMark(number, f"{number}. {place['name']}", x, y, place["anchor"]))
    width = float(drawn.view_box.split()[2])
    # Marks readable whatever the frame: a small town's or a whole department's.
    return PlacesMap(map=drawn, marks=marks, radius=round(max(width / 60, 4), 1))
