"""The observatory's open data, fetched over HTTP as a reuser would, then validated by frictionless."""

import json
from html import escape
from pathlib import Path

from frictionless import Package, validate

from .test_rollups import moselle, share  # noqa: F401 (the fixture)


def download(client, base: str, target: Path, name: str) -> bytes:
    response = client.get(base + name)
    assert response.status_code == 200, (name, response.status_code)
    path = target / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(response.content)
    return response.content


def test_the_data_package_and_every_file_it_lists_validate(federation_client, moselle, tmp_path):  # noqa: F811
    share(moselle["metz"], "actions-prevention", 7, year=2024)
    base = "/observatoire/donnees/"
    package = json.loads(download(federation_client, base, tmp_path, "datapackage.json"))
    assert package["licenses"][0]["name"] == "etalab-2.0"
    names = {resource["path"] for resource in package["resources"]}
    assert {
        "indicateurs.csv",
        "valeurs-cpts-2025.csv",
        "agregats-2025.json",
        "valeurs-cpts-2024.json",
    } <= names
    for resource in package["resources"]:
        download(federation_client, base, tmp_path, resource["path"])
        download(federation_client, base, tmp_path, resource["schema"])

    report = validate(str(tmp_path / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])

    rows = Package(str(tmp_path / "datapackage.json")).get_resource("valeurs-cpts-2025-csv").read_rows()
    assert {
        (row["cpts"], row["valeur"]) for row in rows if row["code_indicateur"] == "actions-prevention"
    } >= {
        ("metz", 10),
        ("forbach", 40),
    }


def test_the_fields_page_explains_every_column_of_every_file(federation_client, moselle):  # noqa: F811
    page = federation_client.get("/observatoire/champs/").content.decode()
    for dataset in ("indicateurs", "valeurs-cpts", "agregats"):
        schema = federation_client.get(f"/observatoire/donnees/schemas/{dataset}.json").json()
        for field in schema["fields"]:
            assert f"<code>{field['name']}</code>" in page and escape(field["description"]) in page
    assert "Licence Ouverte" in page and "moins de 11 professionnels" in page
