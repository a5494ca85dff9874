"""Statistics for every CPTS's territory table, which autovacuum never analyses (too few rows).

From now on the territory's services analyse it after each change; this gives the
existing territories theirs (migrate_schemas runs it in every schema).
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("content", "0016_indicator_catalogue")]

    operations = [migrations.RunSQL("ANALYZE content_territorycommune", migrations.RunSQL.noop)]
