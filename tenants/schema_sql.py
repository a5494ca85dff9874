"""The SQL that recreates a schema, read from PostgreSQL's catalog rather than from pg_dump.

Why not pg_dump
    The template used to be dumped with pg_dump. That tied creating a CPTS to
    the client tools of the machine that ran ``migrate_schemas``: pg_dump
    refuses a server of a newer major version than its own, and since 15.14,
    16.10 and 17.6 it frames every dump with psql's ``\\restrict`` and
    ``\\unrestrict`` meta-commands, which the server rejects as a syntax error
    when the SQL is replayed through a database connection. Reading the
    catalog needs nothing but the connection Django already has, works with
    any server version the app supports, and sees the caller's transaction.

What it covers
    Everything Django migrations put in a schema: tables (columns, types,
    collations, defaults, NOT NULL, identity and generated columns), sequences
    and their current values, check, primary-key, unique and exclusion
    constraints, indexes (``pg_get_indexdef``), foreign keys (after every
    table), views, and every table's rows. Anything else (functions,
    triggers, types, rules, policies, partitioned or inherited tables…) is
    refused with its name (:class:`SchemaSQLError`) rather than silently left
    out. Like the dumps before, comments, owners and privileges are not kept,
    nor per-column options (``ALTER COLUMN … SET (…)``), which Django never sets.

Rows
    Each value is quoted by PostgreSQL itself (``quote_nullable``, the type's
    own text output), the way ``pg_dump --inserts`` writes it, so every type
    round-trips without passing through Python. Output settings are fixed for
    the read (ISO dates, hex bytea, exact floats) so the text reads back the
    same under any session.

Names
    The catalog is read with ``search_path`` set to ``pg_catalog`` alone, so
    every name outside it comes back qualified; the schema's own name is then
    replaced by :data:`PLACEHOLDER`. The settings are local to a savepoint that
    is rolled back: the caller's connection ends as it began.
"""

from __future__ import annotations

import re

from django.db import connection, transaction

PLACEHOLDER = "__cpts_schema__"
# First line of the SQL: a template stored by an earlier way (pg_dump) lacks it and is rebuilt.
HEADER = "-- Schéma lu dans le catalogue PostgreSQL (tenants.schema_sql, format 1)"
ROWS_PER_INSERT = 500

_READ_SETTINGS = {
    "search_path": "pg_catalog",
    "DateStyle": "ISO",
    "IntervalStyle": "postgres",
    "extra_float_digits": "3",
    "bytea_output": "hex",
}

# Objects this module does not recreate: a schema holding one is refused. A table's row
# type and the array of it come with the table; any other type is the schema's own.
_UNSUPPORTED = """
    SELECT 'relation ' || c.relname || ' (relkind ' || c.relkind::text || ')'
        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = %(schema)s AND c.relkind NOT IN ('r', 'i', 'S', 'v')
    UNION ALL SELECT 'table héritée ou partition ' || c.relname
        FROM pg_inherits h JOIN pg_class c ON c.oid = h.inhrelid JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = %(schema)s
    UNION ALL SELECT 'déclencheur ' || t.tgname
        FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = %(schema)s AND NOT t.tgisinternal
    UNION ALL SELECT 'règle ' || r.rulename
        FROM pg_rewrite r JOIN pg_class c ON c.oid = r.ev_class JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = %(schema)s AND r.rulename <> '_RETURN'
    UNION ALL SELECT 'politique ' || p.polname
        FROM pg_policy p JOIN pg_class c ON c.oid = p.polrelid JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = %(schema)s
    UNION ALL SELECT 'sécurité par ligne sur ' || c.relname
        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = %(schema)s AND c.relrowsecurity
    UNION ALL SELECT 'fonction ' || p.proname
        FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = %(schema)s
    UNION ALL SELECT 'type ' || t.typname
        FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
        WHERE n.nspname = %(schema)s AND t.typrelid = 0
        AND NOT EXISTS (SELECT 1 FROM pg_type e WHERE e.oid = t.typelem AND e.typrelid <> 0)
    UNION ALL SELECT 'collation ' || o.collname
        FROM pg_collation o JOIN pg_namespace n ON n.oid = o.collnamespace WHERE n.nspname = %(schema)s
    UNION ALL SELECT 'configuration de recherche ' || f.cfgname
        FROM pg_ts_config f JOIN pg_namespace n ON n.oid = f.cfgnamespace WHERE n.nspname = %(schema)s
    UNION ALL SELECT 'opérateur ' || o.oprname
        FROM pg_operator o JOIN pg_namespace n ON n.oid = o.oprnamespace WHERE n.nspname = %(schema)s
    UNION ALL SELECT 'statistiques ' || s.stxname
        FROM pg_statistic_ext s JOIN pg_namespace n ON n.oid = s.stxnamespace WHERE n.nspname = %(schema)s
    ORDER BY 1"""

_TABLES = """
    SELECT c.oid, quote_ident(c.relname), c.relpersistence = 'u', array_to_string(c.reloptions, ', ')
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = %(schema)s AND c.relkind = 'r' ORDER BY c.relname"""

_COLUMNS = """
    SELECT a.attrelid, quote_ident(a.attname), format_type(a.atttypid, a.atttypmod),
           CASE WHEN a.attcollation <> t.typcollation
                THEN quote_ident(cn.nspname) || '.' || quote_ident(co.collname) END,
           a.attnotnull, a.attidentity, a.attgenerated, pg_get_expr(d.adbin, d.adrelid)
    FROM pg_attribute a
    JOIN pg_class c ON c.oid = a.attrelid
    JOIN pg_namespace n ON n.oid = c.relnamespace
    JOIN pg_type t ON t.oid = a.atttypid
    LEFT JOIN pg_collation co ON co.oid = a.attcollation
    LEFT JOIN pg_namespace cn ON cn.oid = co.collnamespace
    LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
    WHERE n.nspname = %(schema)s AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped
    ORDER BY a.attrelid, a.attnum"""

# Each sequence, with the column it belongs to: deptype 'i' for an identity, 'a' for a serial.
_SEQUENCES = """
    SELECT quote_ident(c.relname), format_type(s.seqtypid, NULL), s.seqstart, s.seqincrement,
           s.seqmin, s.seqmax, s.seqcache, s.seqcycle, pg_sequence_last_value(c.oid),
           dep.deptype, dep.refobjid, quote_ident(ta.attname), quote_ident(tc.relname)
    FROM pg_sequence s
    JOIN pg_class c ON c.oid = s.seqrelid
    JOIN pg_namespace n ON n.oid = c.relnamespace
    LEFT JOIN pg_depend dep ON dep.classid = 'pg_class'::regclass AND dep.objid = c.oid
         AND dep.refclassid = 'pg_class'::regclass AND dep.deptype IN ('a', 'i')
    LEFT JOIN pg_attribute ta ON ta.attrelid = dep.refobjid AND ta.attnum = dep.refobjsubid
    LEFT JOIN pg_class tc ON tc.oid = dep.refobjid
    WHERE n.nspname = %(schema)s ORDER BY c.relname"""

# PostgreSQL 18 lists NOT NULL as constraints ('n'): they are written with their columns.
_CONSTRAINTS = """
    SELECT quote_ident(c.relname), quote_ident(k.conname), k.contype = 'f', pg_get_constraintdef(k.oid)
    FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = %(schema)s AND k.contype IN ('c', 'p', 'u', 'x', 'f')
    ORDER BY k.contype = 'f', c.relname, k.conname"""

# Indexes other than those a primary-key, unique or exclusion constraint makes.
_INDEXES = """
    SELECT pg_get_indexdef(i.indexrelid)
    FROM pg_index i
    JOIN pg_class ic ON ic.oid = i.indexrelid
    JOIN pg_class c ON c.oid = i.indrelid
    JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = %(schema)s AND NOT EXISTS (
        SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid AND k.conrelid = i.indrelid
        AND k.contype IN ('p', 'u', 'x'))
    ORDER BY ic.relname"""

_VIEWS = """
    SELECT quote_ident(c.relname), array_to_string(c.reloptions, ', '), pg_get_viewdef(c.oid)
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = %(schema)s AND c.relkind = 'v' ORDER BY c.oid"""


class SchemaSQLError(RuntimeError):
    pass


def _sequence_options(row: tuple, *, with_type: bool) -> str:
    _name, data_type, start, increment, minimum, maximum, cache, cycle = row[:8]
    options = [f"AS {data_type}"] if with_type else []
    options += [f"START WITH {start}", f"INCREMENT BY {increment}", f"MINVALUE {minimum}"]
    options += [f"MAXVALUE {maximum}", f"CACHE {cache}", "CYCLE" if cycle else "NO CYCLE"]
    return " ".join(options)


def _column(column: tuple, identity: str) -> str:
    _relid, name, data_type, collation, not_null, identity_kind, generated, default = column
    parts = [name, data_type]
    if collation:
        parts.append(f"COLLATE {collation}")
    if generated == "s":
        parts.append(f"GENERATED ALWAYS AS ({default}) STORED")
    elif default is not None:
        parts.append(f"DEFAULT {default}")
    if not_null:
        parts.append("NOT NULL")
    if identity_kind:
        kind = "ALWAYS" if identity_kind == "a" else "BY DEFAULT"
        parts.append(f"GENERATED {kind} AS IDENTITY ({identity})")
    return " ".join(parts)


def _inserts(cursor, source: str, target: str, columns: list[tuple]) -> list[str]:
    """The rows of ``source`` as INSERTs into ``target``, every value quoted by PostgreSQL."""
    inserted = [column for column in columns if column[6] != "s"]
    if not inserted:
        return []
    values = " || ',' || ".join(f"quote_nullable({column[1]})" for column in inserted)
    cursor.execute(f"SELECT '(' || {values} || ')' FROM {source} ORDER BY 1")  # noqa: S608
    rows = [row[0] for row in cursor.fetchall()]
    names = ", ".join(column[1] for column in inserted)
    overriding = " OVERRIDING SYSTEM VALUE" if any(column[5] == "a" for column in inserted) else ""
    return [
        f"INSERT INTO {target} ({names}){overriding} VALUES\n"
        + ",\n".join(rows[start : start + ROWS_PER_INSERT])
        + ";"
        for start in range(0, len(rows), ROWS_PER_INSERT)
    ]


def _read(cursor, schema: str) -> list[str]:
    params = {"schema": schema}
    cursor.execute("SELECT quote_ident(%s)", [schema])
    quoted = cursor.fetchone()[0]
    own_name = re.compile(rf"(?<![\w\"$]){re.escape(quoted)}\.")

    def placed(text: str) -> str:
        return own_name.sub(f"{PLACEHOLDER}.", text)

    cursor.execute(_UNSUPPORTED, params)
    if unsupported := [row[0] for row in cursor.fetchall()]:
        raise SchemaSQLError(
            f"Le schéma {schema} contient ce que la copie ne sait pas recréer : {', '.join(unsupported)}."
        )

    cursor.execute(_TABLES, params)
    tables = cursor.fetchall()
    cursor.execute(_COLUMNS, params)
    columns: dict[int, list[tuple]] = {}
    for column in cursor.fetchall():
        columns.setdefault(column[0], []).append(column)
    cursor.execute(_SEQUENCES, params)
    sequences = cursor.fetchall()
    # (table, column) -> the options of its identity, sequence name included.
    identities = {
        (row[10], row[11]): f"SEQUENCE NAME {PLACEHOLDER}.{row[0]} {_sequence_options(row, with_type=False)}"
        for row in sequences
        if row[9] == "i"
    }

    statements = [HEADER, f"CREATE SCHEMA {PLACEHOLDER};"]
    statements += [
        f"CREATE SEQUENCE {PLACEHOLDER}.{row[0]} {_sequence_options(row, with_type=True)};"
        for row in sequences
        if row[9] != "i"
    ]
    for oid, name, unlogged, options in tables:
        body = ",\n    ".join(
            placed(_column(column, identities.get((oid, column[1]), ""))) for column in columns.get(oid, [])
        )
        with_options = f" WITH ({options})" if options else ""
        kind = "UNLOGGED TABLE" if unlogged else "TABLE"
        statements.append(f"CREATE {kind} {PLACEHOLDER}.{name} (\n    {body}\n){with_options};")
    statements += [
        f"ALTER SEQUENCE {PLACEHOLDER}.{row[0]} OWNED BY {PLACEHOLDER}.{row[12]}.{row[11]};"
        for row in sequences
        if row[9] == "a" and row[11]
    ]
    for oid, name, _unlogged, _options in tables:
        statements += _inserts(cursor, f"{quoted}.{name}", f"{PLACEHOLDER}.{name}", columns.get(oid, []))
    # A sequence's name as a regclass literal; schema names never hold a quote (validators).
    last_values = [(row[0].replace("'", "''"), row[8]) for row in sequences if row[8] is not None]
    if last_values:
        calls = [f"pg_catalog.setval('{PLACEHOLDER}.{name}', {value}, true)" for name, value in last_values]
        statements.append("SELECT " + ",\n    ".join(calls) + ";")

    cursor.execute(_CONSTRAINTS, params)
    constraints = cursor.fetchall()
    add = f"ALTER TABLE ONLY {PLACEHOLDER}.{{}} ADD CONSTRAINT {{}} {{}};"
    statements += [placed(add.format(*row[:2], row[3])) for row in constraints if not row[2]]
    cursor.execute(_INDEXES, params)
    statements += [placed(row[0]) + ";" for row in cursor.fetchall()]
    statements += [placed(add.format(*row[:2], row[3])) for row in constraints if row[2]]
    cursor.execute(_VIEWS, params)
    for name, options, definition in cursor.fetchall():
        with_options = f" WITH ({options})" if options else ""
        statements.append(
            f"CREATE VIEW {PLACEHOLDER}.{name}{with_options} AS\n{placed(definition.rstrip().rstrip(';'))};"
        )
    return statements


def schema_sql(schema: str) -> str:
    """SQL that recreates ``schema`` (structure and rows) under the name :data:`PLACEHOLDER`.

    Read in the caller's connection and transaction, so uncommitted changes are included.
    """
    # The cursor first: django-tenants sets its search_path when one opens, outside the savepoint.
    with connection.cursor() as cursor, transaction.atomic():
        for name, value in _READ_SETTINGS.items():
            cursor.execute("SELECT set_config(%s, %s, true)", [name, value])
        try:
            return "\n".join(_read(cursor, schema)) + "\n"
        finally:
            # Nothing was written: rolling back the savepoint undoes the settings.
            transaction.set_rollback(True)
