"""A schema's catalog, comparable across schemas: proof that a clone equals a migration."""

import re

from django.db import connection

# PostgreSQL stores the predicate of a partial index (Wagtail's
# unique_in_progress_workflow) in a form whose dump re-parses to the same
# condition with its casts placed differently; casts and parentheses are
# dropped so that names, columns, types and conditions still compare.
_CASTS = re.compile(r"::(character varying|text)(\[\])?|[()]")

_QUERIES = {
    "columns": """
        SELECT table_name, column_name, data_type, is_nullable, column_default, is_identity
        FROM information_schema.columns WHERE table_schema = %s ORDER BY 1, 2""",
    "constraints": """
        SELECT conrelid::regclass::text, conname, pg_get_constraintdef(c.oid)
        FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
        WHERE n.nspname = %s ORDER BY 1, 2""",
    "indexes": """
        SELECT tablename, indexname, indexdef FROM pg_indexes
        WHERE schemaname = %s ORDER BY 1, 2""",
    "sequences": """
        SELECT sequencename, data_type, increment_by FROM pg_sequences
        WHERE schemaname = %s ORDER BY 1""",
}


def schema_catalog(schema: str) -> dict[str, list[tuple[str, ...]]]:
    """Tables, columns, constraints, indexes and sequences, with the schema's name taken out."""
    result = {}
    with connection.cursor() as cursor:
        for name, sql in _QUERIES.items():
            cursor.execute(sql, [schema])
            result[name] = [
                tuple(_CASTS.sub("", str(v).replace(f"{schema}.", "<schema>.")) for v in row)
                for row in cursor.fetchall()
            ]
    return result
