"""Writes on the network's reference data (public schema)."""

from __future__ import annotations

import gzip
import json
from dataclasses import dataclass
from pathlib import Path

from django.db import connection, transaction

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
    loaded_fields = ["name", "search_name", "kind", "department", "region", "population", "postal_codes"]
    _copy_insert(
        Commune,
        ["code", *loaded_fields, "is_current", "is_unit", "cover_count"],
        [
            (
                code,
                name,
                normalize_name(name),
                kind,
                department,
                region,
                population,
                postal.split() if postal else [],
                True,
                True,
                0,
            )
            for code, name, kind, department, region, population, postal, _parent in rows
        ],
        update_fields=[*loaded_fields, "is_current"],
    )
    parents = {code: parent for code, *_rest, parent in rows if parent}
    for code, parent in parents.items():
        Commune.objects.filter(code=code).update(parent_id=parent)
    codes = {row[0] for row in rows}
    gone = set(Commune.objects.filter(is_current=True).values_list("code", flat=True)) - codes
    no_longer_current = Commune.objects.filter(code__in=gone).update(is_current=False)
    _units_rebuild(parents)
    coverage_rebuild()

    _delete_all(CommuneAlias)
    _copy_insert(
        CommuneAlias,
        ["code", "name", "search_name", "kind", "commune"],
        [
            (code, name, normalize_name(name) if name else "", kind, commune)
            for code, name, kind, commune in data["aliases"]
            if commune in codes
        ],
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
    # Only the rows that change: a first load wrote every commune a unit already.
    Commune.objects.filter(is_unit=False).exclude(code__in=cities).update(is_unit=True)
    Commune.objects.filter(is_unit=True, code__in=cities).update(is_unit=False)
    _delete_all(CommuneUnit)
    units = Commune.objects.filter(is_unit=True).values_list("code", flat=True)
    links = [(code, code) for code in units] + [(city, unit) for unit, city in parents.items()]
    _copy_insert(CommuneUnit, ["commune", "unit"], links)


# The reference data is written by SQL of its own: through the ORM (bulk_create binding one
# parameter per value, delete() fetching every row for its signals) a load took ~10 s, ~2 s so.
# These tables are derived from the reference file alone, and nothing listens to their rows.


def _delete_all(model) -> None:
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {connection.ops.quote_name(model._meta.db_table)}")  # noqa: S608


def _copy_insert(
    model, names: list[str], rows: list[tuple], *, update_fields=(), ignore_conflicts=False
) -> None:
    """``bulk_create`` of ``rows`` (values of the fields ``names``, ready for the database) through
    COPY into a temporary table, then one INSERT … ON CONFLICT: on the primary key, updating
    ``update_fields``, or doing nothing with ``ignore_conflicts``. Names come from the model only."""
    meta, quote = model._meta, connection.ops.quote_name
    columns = ", ".join(quote(meta.get_field(name).column) for name in names)
    table = quote(meta.db_table)
    conflict = "ON CONFLICT DO NOTHING" if ignore_conflicts else ""
    if update_fields:
        changed = [quote(meta.get_field(name).column) for name in update_fields]
        updates = ", ".join(f"{column} = EXCLUDED.{column}" for column in changed)
        # A row that did not change is not rewritten (a new edition changes a few communes).
        now, then = ", ".join(f"{table}.{c}" for c in changed), ", ".join(f"EXCLUDED.{c}" for c in changed)
        conflict = (
            f"ON CONFLICT ({quote(meta.pk.column)}) DO UPDATE SET {updates} "
            f"WHERE ({now}) IS DISTINCT FROM ({then})"
        )
    with connection.cursor() as cursor:
        cursor.execute(f"CREATE TEMPORARY TABLE incoming AS SELECT {columns} FROM {table} WITH NO DATA")  # noqa: S608
        with cursor.copy(f"COPY incoming ({columns}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
        cursor.execute(f"INSERT INTO {table} ({columns}) SELECT {columns} FROM incoming {conflict}")  # noqa: S608
        cursor.execute("DROP TABLE incoming")
