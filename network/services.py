"""Writes on the network's reference data (public schema)."""

from __future__ import annotations

import gzip
import json
from dataclasses import dataclass
from pathlib import Path

from django.db import transaction

from .coverage import coverage_rebuild
from .models import Commune, CommuneAlias, CommuneUnit, Department, ReferenceDataset, Region
from .names import normalize_name

REFERENCE_FILE = Path(__file__).resolve().parent / "data" / "reference-2026.json.gz"


@dataclass(frozen=True)
class ReferenceLoadResult:
    regions: int
    departments: int
    communes: int
    aliases: int
    no_longer_current: int


@transaction.atomic
def reference_data_load(*, path: Path = REFERENCE_FILE, force: bool = False) -> ReferenceLoadResult | None:
    """Load or refresh regions, departments, communes and their aliases from ``path``.

    Idempotent; returns None without writing when this edition is already
    loaded (unless ``force``). Communes missing from a newer file are kept and
    marked not current rather than deleted, so no CPTS territory is touched.
    """
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        data = json.load(handle)
    source = data["source"]
    loaded = ReferenceDataset.objects.filter(source=source["package"], version=source["version"])
    if loaded.exists() and not force:
        return None

    Region.objects.bulk_create(
        [Region(code=code, name=name) for code, name in data["regions"]],
        update_conflicts=True,
        unique_fields=["code"],
        update_fields=["name"],
    )
    Department.objects.bulk_create(
        [Department(code=code, name=name, region_id=region) for code, name, region in data["departments"]],
        update_conflicts=True,
        unique_fields=["code"],
        update_fields=["name", "region"],
    )
    rows = data["communes"]
    communes = [
        Commune(
            code=code,
            name=name,
            search_name=normalize_name(name),
            kind=kind,
            department_id=department,
            region_id=region,
            population=population,
            postal_codes=postal.split() if postal else [],
            is_current=True,
        )
        for code, name, kind, department, region, population, postal, _parent in rows
    ]
    Commune.objects.bulk_create(
        communes,
        batch_size=2000,
        update_conflicts=True,
        unique_fields=["code"],
        update_fields=[
            "name",
            "search_name",
            "kind",
            "department",
            "region",
            "population",
            "postal_codes",
            "is_current",
        ],
    )
    parents = {code: parent for code, *_rest, parent in rows if parent}
    for code, parent in parents.items():
        Commune.objects.filter(code=code).update(parent_id=parent)
    codes = {row[0] for row in rows}
    no_longer_current = Commune.objects.exclude(code__in=codes).update(is_current=False)
    _units_rebuild(parents)
    coverage_rebuild()

    CommuneAlias.objects.all().delete()
    CommuneAlias.objects.bulk_create(
        [
            CommuneAlias(
                code=code,
                name=name,
                search_name=normalize_name(name) if name else "",
                kind=kind,
                commune_id=commune,
            )
            for code, name, kind, commune in data["aliases"]
            if commune in codes
        ],
        batch_size=2000,
        ignore_conflicts=True,
    )
    ReferenceDataset.objects.all().delete()
    ReferenceDataset.objects.create(
        source=source["package"],
        version=source["version"],
        edition=source["edition"],
        licence=source["licence"],
    )
    return ReferenceLoadResult(
        regions=len(data["regions"]),
        departments=len(data["departments"]),
        communes=len(rows),
        aliases=CommuneAlias.objects.count(),
        no_longer_current=no_longer_current,
    )


def _units_rebuild(parents: dict[str, str]) -> None:
    """Every commune maps to itself, except cities split into arrondissements."""
    cities = set(parents.values())
    Commune.objects.update(is_unit=True)
    Commune.objects.filter(code__in=cities).update(is_unit=False)
    CommuneUnit.objects.all().delete()
    links = [
        CommuneUnit(commune_id=code, unit_id=code)
        for code in Commune.objects.filter(is_unit=True).values_list("code", flat=True)
    ]
    links += [
        CommuneUnit(commune_id=city, unit_id=arrondissement) for arrondissement, city in parents.items()
    ]
    CommuneUnit.objects.bulk_create(links, batch_size=5000)
