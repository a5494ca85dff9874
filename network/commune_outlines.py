"""The commune outlines' index: each commune's box in map units and a point inside it (cached).

Read from ``network/data/communes-map.json.gz`` (IGN's ADMIN EXPRESS COG, Licence
Ouverte / Etalab 2.0, built by ``network/data/build_communes_map.py``); shared by
the commune maps and the place names (``network.map_labels``), so neither
imports the other.
"""

from __future__ import annotations

import gzip
import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

DATA = Path(__file__).with_name("data") / "communes-map.json.gz"


@dataclass(frozen=True)
class _Outlines:
    source: str
    licence: str
    # code → (department, (x0, y0, x1, y1), longitude, latitude)
    communes: dict[str, tuple[str, tuple[int, int, int, int], float, float]]
    department_boxes: dict[str, tuple[int, int, int, int]]
    # department → [(code, box)]: a map's frame meets a few departments of a hundred.
    by_department: dict[str, list[tuple[str, tuple[int, int, int, int]]]]


@cache
def _outlines() -> _Outlines:
    data = json.loads(gzip.decompress(DATA.read_bytes()))
    communes = {code: (d, tuple(box), lon, lat) for code, (d, box, lon, lat) in data["communes"].items()}
    boxes: dict[str, list[int]] = {}
    by_department: dict[str, list[tuple[str, tuple[int, int, int, int]]]] = {}
    for code, (department, box, _, _) in communes.items():
        by_department.setdefault(department, []).append((code, box))
        current = boxes.setdefault(department, list(box))
        current[:] = [
            min(current[0], box[0]),
            min(current[1], box[1]),
            max(current[2], box[2]),
            max(current[3], box[3]),
        ]
    return _Outlines(
        source=data["source"],
        licence=data["licence"],
        communes=communes,
        department_boxes={d: tuple(b) for d, b in boxes.items()},
        by_department=by_department,
    )
