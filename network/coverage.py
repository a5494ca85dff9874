"""Keeping the network's coverage counts in step with the territories (public schema).

Called by content.services.territory in the transaction that changes a CPTS's
claims. It compares the CPTS's covered units before and after, adjusts each
unit's ``cover_count`` by the difference, and stores the territory's derived
figures on the CPTS row. The cost is proportional to one territory, and the
federation's figures become scans of the commune table.
"""

from django.db import connection

_SYNC_UNITS = """
WITH new AS (
    SELECT DISTINCT cu.unit_id
    FROM network_territoryclaim t JOIN network_communeunit cu ON cu.commune_id = t.commune_id
    WHERE t.cpts_id = %(cpts)s
),
old AS (SELECT unit_id FROM network_unitclaim WHERE cpts_id = %(cpts)s),
added AS (
    INSERT INTO network_unitclaim (cpts_id, unit_id)
    SELECT %(cpts)s, unit_id FROM new WHERE unit_id NOT IN (SELECT unit_id FROM old)
    RETURNING unit_id
),
removed AS (
    DELETE FROM network_unitclaim
    WHERE cpts_id = %(cpts)s AND unit_id NOT IN (SELECT unit_id FROM new)
    RETURNING unit_id
)
UPDATE network_commune c SET cover_count = c.cover_count + d.delta
FROM (SELECT unit_id, 1 AS delta FROM added UNION ALL SELECT unit_id, -1 FROM removed) d
WHERE c.code = d.unit_id
"""

# A separate statement: a data-modifying CTE cannot see its own changes.
_TERRITORY_FIGURES = """
UPDATE tenants_cpts cp SET
    territory_population = f.population,
    territory_communes = (SELECT count(*) FROM network_territoryclaim t WHERE t.cpts_id = cp.id),
    territory_departments = f.departments,
    territory_regions = f.regions
FROM (
    SELECT coalesce(sum(u.population), 0) AS population,
           coalesce(array_agg(DISTINCT u.department_id ORDER BY u.department_id)
                    FILTER (WHERE u.code IS NOT NULL), ARRAY[]::varchar[]) AS departments,
           coalesce(array_agg(DISTINCT u.region_id) FILTER (WHERE u.code IS NOT NULL),
                    ARRAY[]::varchar[]) AS regions
    FROM network_unitclaim uc JOIN network_commune u ON u.code = uc.unit_id
    WHERE uc.cpts_id = %(cpts)s
) f
WHERE cp.id = %(cpts)s
"""


def coverage_sync(*, cpts_id: int) -> None:
    """Bring one CPTS's covered units, the units' counts and its figures in line with its claims."""
    with connection.cursor() as cursor:
        cursor.execute(_SYNC_UNITS, {"cpts": cpts_id})
        cursor.execute(_TERRITORY_FIGURES, {"cpts": cpts_id})


def coverage_rebuild() -> None:
    """Recompute every count from the claims (after loading reference data, or to mend drift)."""
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM network_unitclaim")
        cursor.execute("""
            INSERT INTO network_unitclaim (cpts_id, unit_id)
            SELECT DISTINCT t.cpts_id, cu.unit_id
            FROM network_territoryclaim t JOIN network_communeunit cu ON cu.commune_id = t.commune_id
        """)
        cursor.execute("""
            UPDATE network_commune c SET cover_count = coalesce(n.count, 0)
            FROM network_commune c2 LEFT JOIN (
                SELECT unit_id, count(*) AS count FROM network_unitclaim GROUP BY unit_id
            ) n ON n.unit_id = c2.code
            WHERE c.code = c2.code AND c.cover_count IS DISTINCT FROM coalesce(n.count, 0)
        """)
        cursor.execute("SELECT id FROM tenants_cpts")
        ids = [row[0] for row in cursor.fetchall()]
        for cpts_id in ids:
            cursor.execute(_TERRITORY_FIGURES, {"cpts": cpts_id})


def coverage_counts_drift() -> bool:
    """Do the maintained coverage counts differ from a recomputation from the claims?"""
    with connection.cursor() as cursor:
        cursor.execute("""
            WITH expected AS (
                SELECT cu.unit_id, count(DISTINCT t.cpts_id) AS n
                FROM network_territoryclaim t JOIN network_communeunit cu ON cu.commune_id = t.commune_id
                GROUP BY cu.unit_id
            )
            SELECT EXISTS (
                SELECT 1 FROM network_commune c LEFT JOIN expected e ON e.unit_id = c.code
                WHERE c.cover_count <> coalesce(e.n, 0)
            )
        """)
        return cursor.fetchone()[0]
