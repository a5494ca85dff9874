"""The one statement « Trouver ma CPTS » reads communes with: each with its CPTS, in raw SQL.

A commune comes with its department, its city (an arrondissement), the former
name or code it was found by, and every CPTS covering it as one JSON list
(name, stage, primary host, adhésion and « Soins non programmés » pages), in one statement whatever the
number of communes. Written with the ORM (``Subquery``, ``JSONBAgg``,
``JSONObject``), the statement took longer for Django to compile (5 ms) than
for PostgreSQL to run (1 ms), on a search whose whole budget is 20 ms; raw SQL,
as in ``network.coverage``. Only fixed fragments of this module are formatted
into it; every value from a visitor is a parameter.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from django.db import connection

_STATEMENT = """
SELECT c.code, c.name, c.kind, c.department_id, d.name, c.region_id, c.postal_codes,
       c.population, c.search_name, c.is_unit, c.parent_id, p.name, a.name, a.kind,
       (SELECT jsonb_agg(jsonb_build_object(
                   'short_name', cp.short_name, 'name', cp.name, 'stage', cp.stage,
                   'frontend_url', cp.frontend_url,
                   'host', (SELECT dm.domain FROM tenants_domain dm
                             WHERE dm.tenant_id = cp.id AND dm.is_primary ORDER BY dm.id LIMIT 1),
                   'adhesion_path', ad.path, 'unscheduled_care_path', uc2.path)
               ORDER BY cp.name, cp.short_name)
          FROM network_unitclaim uc
          JOIN tenants_cpts cp ON cp.id = uc.cpts_id
          LEFT JOIN access_adhesionpagecopy ad ON ad.cpts_id = cp.id
          LEFT JOIN access_unscheduledcarepagecopy uc2 ON uc2.cpts_id = cp.id
         WHERE uc.unit_id = c.code)
  FROM network_commune c
  JOIN network_department d ON d.code = c.department_id
  LEFT JOIN network_commune p ON p.code = c.parent_id
  LEFT JOIN LATERAL (
        SELECT al.name, al.kind FROM network_communealias al
         WHERE al.commune_id = c.code AND {alias} ORDER BY al.kind LIMIT 1
       ) a ON true
 WHERE c.is_current AND c.code IN ({matching}) {department}
 ORDER BY {order}
 LIMIT %(limit)s
"""

# How communes are matched: the codes they are found by, and which of their aliases says how.
# One IN over a union, each part on its index (an OR across them scanned every commune).
_MATCHING = {
    "code": (
        "SELECT code FROM network_commune WHERE code = %(code)s OR postal_codes @> ARRAY[%(code)s]::varchar[]"
        " UNION SELECT commune_id FROM network_communealias WHERE code = %(code)s",
        "al.code = %(code)s",
    ),
    "name": (
        "SELECT code FROM network_commune WHERE search_name = %(name)s"
        " UNION SELECT commune_id FROM network_communealias WHERE search_name = %(name)s",
        "al.search_name = %(name)s",
    ),
    # Names that begin with the words typed (« montigny » → « montigny les metz »): Django's
    # pattern-ops index on search_name serves the LIKE.
    "name_start": (
        "SELECT code FROM network_commune WHERE search_name LIKE %(prefix)s"
        " UNION SELECT commune_id FROM network_communealias WHERE search_name LIKE %(prefix)s",
        "al.search_name LIKE %(prefix)s",
    ),
    "codes": ("SELECT unnest(%(codes)s::varchar[])", "false"),
    "parents": ("SELECT code FROM network_commune WHERE parent_id = ANY(%(parents)s::varchar[])", "false"),
}
_ORDER = {
    "population": "c.population DESC, c.code",
    "given": "array_position(%(codes)s::varchar[], c.code)",
    "code": "c.code",
}


@dataclass(frozen=True)
class CommuneRow:
    code: str
    name: str
    kind: str
    department: str
    department_name: str
    region: str
    postal_codes: list[str]
    population: int
    search_name: str
    is_unit: bool
    parent: str | None
    parent_name: str | None
    alias_name: str | None
    alias_kind: str | None
    # Each CPTS covering the commune: short_name, name, stage, frontend_url, host, adhesion_path,
    # unscheduled_care_path.
    covering: list[dict]


def commune_rows(
    *, by: str, limit: int, order: str = "population", department: str | None = None, **params
) -> list[CommuneRow]:
    """Current communes matched ``by`` "code", "name", "name_start", "codes" or "parents".

    ``params`` give the values: code, name, prefix (a LIKE pattern), codes, parents.
    """
    matching, alias = _MATCHING[by]
    sql = _STATEMENT.format(  # noqa: S608 - fixed fragments only; values are parameters
        matching=matching,
        alias=alias,
        department="AND c.department_id = %(department)s" if department else "",
        order=_ORDER[order],
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, {**params, "department": department, "limit": limit})
        rows = cursor.fetchall()
    return [CommuneRow(*row[:-1], covering=_json(row[-1])) for row in rows]


def _json(value) -> list[dict]:
    # Django's PostgreSQL backend hands jsonb over as text, for JSONField to parse.
    if value is None:
        return []
    return json.loads(value) if isinstance(value, str) else value
