"""Fill the coverage counts and territory figures from the claims already stored.

The SQL of that time, frozen here: ``network.coverage.coverage_rebuild`` now
also fills the counters per definition that a later migration adds.
"""

from django.db import migrations


def rebuild(apps, schema_editor):
    with schema_editor.connection.cursor() as cursor:
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
        cursor.execute("""
            UPDATE tenants_cpts cp SET
                territory_population = f.population,
                territory_communes = (SELECT count(*) FROM network_territoryclaim t WHERE t.cpts_id = cp.id),
                territory_departments = f.departments,
                territory_regions = f.regions
            FROM (
                SELECT uc.cpts_id, coalesce(sum(u.population), 0) AS population,
                       coalesce(array_agg(DISTINCT u.department_id ORDER BY u.department_id),
                                ARRAY[]::varchar[]) AS departments,
                       coalesce(array_agg(DISTINCT u.region_id), ARRAY[]::varchar[]) AS regions
                FROM network_unitclaim uc JOIN network_commune u ON u.code = uc.unit_id
                GROUP BY uc.cpts_id
            ) f
            WHERE cp.id = f.cpts_id
        """)


class Migration(migrations.Migration):
    dependencies = [
        ("network", "0006_coverage_counts"),
        ("tenants", "0003_coverage_counts"),
    ]
    operations = [migrations.RunPython(rebuild, migrations.RunPython.noop)]
