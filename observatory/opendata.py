"""The observatory's open data, published the way French open data is: CSV and JSON per dataset and
year, each described by a Frictionless Table Schema, all listed in one ``datapackage.json`` under the
Licence Ouverte 2.0 (Etalab).

The schemas below are the single description of every column: the files are
written from them, the ``datapackage.json`` embeds their paths, and the page
that explains each field (``/observatoire/champs/``) is rendered from them.
Only open values (the CPTS's choice « données ouvertes ») appear here, under
the small-number rule of ``observatory.disclosure``.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from decimal import Decimal

from network.observatory import Audience

from .selectors import area_figures_of_year, indicator_catalogue, open_values, open_years

LICENCE = {
    "name": "etalab-2.0",
    "path": "https://www.etalab.gouv.fr/licence-ouverte-open-licence/",
    "title": "Licence Ouverte / Open Licence version 2.0",
}


def _field(name: str, kind: str, title: str, description: str, **constraints) -> dict:
    field = {"name": name, "type": kind, "title": title, "description": description}
    if constraints:
        field["constraints"] = constraints
    return field


SECRET = _field(
    "secret",
    "string",
    "Secret statistique",
    "Vide si la valeur est publiée ; sinon la raison pour laquelle elle ne l'est pas (règle des "
    "petits nombres : moins de 11 professionnels, moins de 3 CPTS, une CPTS à plus de 85 % du "
    "total, ou une valeur masquée qui pourrait être recalculée).",
)

SCHEMAS: dict[str, dict] = {
    "indicateurs": {
        "title": "Catalogue national des indicateurs",
        "fields": [
            _field("code", "string", "Code", "Code stable de l'indicateur.", required=True, unique=True),
            _field("mission", "string", "Mission", "Mission de l'ACI à laquelle l'indicateur se rattache."),
            _field("libelle", "string", "Indicateur", "Intitulé de l'indicateur."),
            _field("definition", "string", "Définition", "Ce qui est compté, et quand."),
            _field(
                "unite",
                "string",
                "Unité",
                "nombre, pourcentage ou jours.",
                enum=["nombre", "pourcentage", "jours"],
            ),
            _field("sens", "string", "Sens", "« hausse » si plus haut est mieux, « baisse » sinon."),
            _field("source", "string", "Source", "Texte dont l'indicateur est tiré."),
        ],
        "primaryKey": ["code"],
    },
    "valeurs-cpts": {
        "title": "Valeurs des indicateurs, CPTS par CPTS",
        "fields": [
            _field("annee", "integer", "Année", "Année de la valeur (exercice).", required=True),
            _field("code_indicateur", "string", "Indicateur", "Code du catalogue national.", required=True),
            _field("cpts", "string", "CPTS", "Nom court de la CPTS (identifiant stable).", required=True),
            _field("nom_cpts", "string", "Nom de la CPTS", "Nom de la CPTS."),
            _field("code_region", "string", "Région", "Code INSEE de la région du siège de la CPTS."),
            _field("code_departement", "string", "Département", "Code INSEE du département du siège."),
            _field("valeur", "number", "Valeur", "Valeur déclarée par la CPTS ; vide si secrète."),
            SECRET,
        ],
        "primaryKey": ["annee", "code_indicateur", "cpts"],
    },
    "agregats": {
        "title": "Indicateurs par France, région et département",
        "fields": [
            _field("annee", "integer", "Année", "Année des valeurs.", required=True),
            _field("code_indicateur", "string", "Indicateur", "Code du catalogue national.", required=True),
            _field(
                "niveau",
                "string",
                "Niveau",
                "france, region ou departement.",
                required=True,
                enum=["france", "region", "departement"],
            ),
            _field(
                "code_zone",
                "string",
                "Zone",
                "FR, ou code INSEE de la région ou du département.",
                required=True,
            ),
            _field("nom_zone", "string", "Nom de la zone", "Nom de la zone."),
            _field(
                "cpts_declarantes", "integer", "CPTS déclarantes", "Nombre de CPTS ayant ouvert leur valeur."
            ),
            _field("total", "number", "Total", "Somme des valeurs (indicateurs en nombre seulement)."),
            _field("mediane", "number", "Médiane", "Valeur médiane des CPTS de la zone."),
            _field("premier_quartile", "number", "Premier quartile", "25 % des CPTS sont en dessous."),
            _field("troisieme_quartile", "number", "Troisième quartile", "75 % des CPTS sont en dessous."),
            SECRET,
        ],
        "primaryKey": ["annee", "code_indicateur", "niveau", "code_zone"],
    },
}
YEARLY = ("valeurs-cpts", "agregats")
LEVEL_NAMES = {"national": "france", "region": "region", "department": "departement"}
UNIT_NAMES = {"count": "nombre", "percent": "pourcentage", "days": "jours"}
BETTER_NAMES = {"higher": "hausse", "lower": "baisse"}


def table_schema(dataset: str) -> dict:
    """The Table Schema of ``dataset`` (KeyError for an unknown one)."""
    schema = SCHEMAS[dataset]
    return {"fields": schema["fields"], "primaryKey": schema["primaryKey"], "missingValues": [""]}


def dataset_rows(dataset: str, year: int | None = None) -> list[dict]:
    """The rows of ``dataset`` (of ``year`` for a yearly one), keyed by the schema's field names."""
    if dataset == "indicateurs":
        return [
            {
                "code": i.code,
                "mission": i.get_mission_display(),
                "libelle": i.label,
                "definition": i.definition,
                "unite": UNIT_NAMES[i.unit],
                "sens": BETTER_NAMES[i.better],
                "source": i.source,
            }
            for i in indicator_catalogue()
        ]
    if dataset == "valeurs-cpts":
        return [
            {
                "annee": year,
                "code_indicateur": row["indicator"],
                "cpts": row["short_name"],
                "nom_cpts": row["name"],
                "code_region": row["region"],
                "code_departement": row["department"],
                "valeur": None if row["hidden_reason"] else row["value"],
                "secret": row["hidden_reason"],
            }
            for row in open_values(year=year)
        ]
    if dataset == "agregats":
        return [
            {
                "annee": year,
                "code_indicateur": code,
                "niveau": LEVEL_NAMES[area.level],
                "code_zone": area.code,
                "nom_zone": area.name,
                "cpts_declarantes": area.reporting,
                "total": area.total,
                "mediane": area.median,
                "premier_quartile": area.first_quartile,
                "troisieme_quartile": area.third_quartile,
                "secret": area.hidden_reason,
            }
            for code, area in area_figures_of_year(year=year, audiences=[Audience.OPEN])
        ]
    raise KeyError(dataset)


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return format(value.normalize(), "f") if value == value.to_integral() else format(value, "f")
    return str(value)


def rows_as_csv(dataset: str, rows: Iterable[dict]) -> str:
    names = [f["name"] for f in SCHEMAS[dataset]["fields"]]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(names)
    writer.writerows([_cell(row[name]) for name in names] for row in rows)
    return out.getvalue()


def rows_as_json(rows: Iterable[dict]) -> str:
    def plain(value):
        if isinstance(value, Decimal):
            return float(value)
        return value

    # Every key in every object (null when empty): readers take the columns from the first one.
    return json.dumps([{k: plain(v) for k, v in row.items()} for row in rows], ensure_ascii=False)


def file_name(dataset: str, year: int | None, extension: str) -> str:
    return f"{dataset}-{year}.{extension}" if year is not None else f"{dataset}.{extension}"


def datapackage(*, base_url: str) -> dict:
    """The ``datapackage.json``: every dataset and year as CSV and JSON, paths relative to it."""
    resources = []
    for dataset, year in [("indicateurs", None)] + [(d, y) for y in open_years() for d in YEARLY]:
        for extension, mediatype in (("csv", "text/csv"), ("json", "application/json")):
            name = file_name(dataset, year, extension).replace(".", "-")
            resource = {
                "name": name,
                "title": SCHEMAS[dataset]["title"] + (f" ({year})" if year else ""),
                "path": file_name(dataset, year, extension),
                "format": extension,
                "mediatype": mediatype,
                "encoding": "utf-8",
                "schema": f"schemas/{dataset}.json",
                "licenses": [LICENCE],
            }
            resources.append(resource)
    return {
        "name": "observatoire-cpts",
        "title": "Observatoire des CPTS : indicateurs partagés en données ouvertes",
        "description": "Valeurs des indicateurs du catalogue national que chaque CPTS a choisi "
        "d'ouvrir, CPTS par CPTS et agrégées par France, région et département, sous la règle des "
        "petits nombres.",
        "homepage": base_url,
        "licenses": [LICENCE],
        "resources": resources,
    }
