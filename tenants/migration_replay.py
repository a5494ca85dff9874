"""Migrating 1,000 CPTS schemas: the SQL rendered once, replayed per schema in one connection.

Django renders the same statements for every schema (their names are never
schema-qualified), yet ``migrate_schemas`` loads the migration graph, renders
the project state and introspects again for each schema: about 0.7 s per CPTS
for a migration whose DDL takes milliseconds. Here the plan is computed once,
against the template schema (``cpts_template``, migrated like any CPTS), its
SQL collected once with Django's own ``collect_sql`` (what ``sqlmigrate``
prints), then each CPTS schema gets, in **one transaction of its own**:
``SET LOCAL search_path``, the statements, its ``django_migrations`` rows and
the ``post_migrate`` work of the apps concerned (content types, permissions).
A failure rolls that schema back whole, is reported by name, and the others
go on: no request ever sees a half-migrated schema.

Django's own path stays for what SQL cannot carry: a migration of a tenant
app that runs Python (``RunPython``), raw SQL (``RunSQL``, which may name
other schemas) or renames a model (Django injects a content-type rename), and
Schemas are grouped by the migrations they have applied (normally one group:
the template's), and each group's plan is rendered once, against one of its
schemas; a schema left behind by an earlier failure is simply a second group.
The plan says which path it takes before anything runs.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from django.apps import apps as global_apps
from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connection, transaction
from django.db.migrations import operations
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.migration import Migration
from django.db.models.signals import post_migrate
from django.utils import timezone
from django_tenants.routers import TenantSyncRouter
from django_tenants.utils import schema_context

from .validators import TEMPLATE_SCHEMA_NAME

# Operations whose effect is not (only) their SQL.
NEEDS_DJANGO = (operations.RunPython, operations.RunSQL, operations.RenameModel)

PlanStep = tuple[Migration, bool]  # (migration, backwards)


@dataclass
class ReplayPlan:
    steps: list[PlanStep]
    # Statements for a tenant schema (empty when nothing but bookkeeping is pending).
    statements: list[str]
    # Why Django's own path is needed, one reason per migration (empty: replayable).
    needs_django: list[str] = field(default_factory=list)

    @property
    def replayable(self) -> bool:
        return not self.needs_django

    @property
    def applied_names(self) -> list[tuple[str, str]]:
        return [(m.app_label, m.name) for m, backwards in self.steps]


@dataclass
class ReplayReport:
    migrated: list[str] = field(default_factory=list)
    up_to_date: list[str] = field(default_factory=list)
    # Schema → the error that rolled it back.
    failed: dict[str, str] = field(default_factory=dict)
    # Schemas whose plan needs Python or raw SQL: left to Django's path.
    django_path: list[str] = field(default_factory=list)


def _tenant_apps() -> set[str]:
    """Labels of the apps migrated in CPTS schemas (the router's own test): the others are skipped there."""
    router = TenantSyncRouter()
    return {
        c.label for c in global_apps.get_app_configs() if router.app_in_list(c.label, settings.TENANT_APPS)
    }


def _operations(operation_list) -> list:
    """Operations, with those inside SeparateDatabaseAndState's database side."""
    found = []
    for operation in operation_list:
        if isinstance(operation, operations.SeparateDatabaseAndState):
            found += _operations(operation.database_operations)
        else:
            found.append(operation)
    return found


def _applied(schema: str) -> set[tuple[str, str]]:
    with connection.cursor() as cursor:
        cursor.execute(f'SELECT app, name FROM "{schema}".django_migrations')  # noqa: S608
        return set(cursor.fetchall())


def replay_plan(
    targets: list[tuple[str, str | None]] | None = None, *, schema: str = TEMPLATE_SCHEMA_NAME
) -> ReplayPlan:
    """The tenant plan from ``schema``'s state to ``targets`` (every app's latest by default)."""
    tenant_apps = _tenant_apps()
    with schema_context(schema):
        executor = MigrationExecutor(connection)
        if targets is None:
            targets = executor.loader.graph.leaf_nodes()
        steps = executor.migration_plan(targets)
        needs_django = []
        for migration, _backwards in steps:
            if migration.app_label not in tenant_apps:
                continue  # skipped by the tenant router: only its django_migrations row
            blocking = sorted(
                {
                    type(op).__name__
                    for op in _operations(migration.operations)
                    if isinstance(op, NEEDS_DJANGO)
                }
            )
            if blocking:
                needs_django.append(f"{migration.app_label}.{migration.name} : {', '.join(blocking)}")
        statements = []
        if not needs_django:
            tenant_steps = [(m, b) for m, b in steps if m.app_label in tenant_apps]
            # Introspection during collection (constraint names) reads ``schema``, whose
            # catalog every schema of its group shares.
            collected = _collect_sql(executor, steps, tenant_apps) if tenant_steps else []
            statements = [sql for sql in collected if sql.strip() and not sql.lstrip().startswith("--")]
    return ReplayPlan(steps=steps, statements=statements, needs_django=needs_django)


def _collect_sql(executor: MigrationExecutor, steps: list, tenant_apps: set[str]) -> list[str]:
    """The SQL of the tenant steps, each rendered against the state the steps before it left.

    Django's ``loader.collect_sql`` starts from the first migration's ancestors only:
    a plan whose second migration depends on an app the first does not know (a new
    app pointing at Wagtail's images, after a change to ``content``) fails to render.
    Forwards, the state here starts from everything applied, as ``migrate`` does.
    """
    if any(backwards for _migration, backwards in steps):
        return executor.loader.collect_sql([(m, b) for m, b in steps if m.app_label in tenant_apps])
    state = executor._create_project_state(with_applied_migrations=True)
    collected: list[str] = []
    for migration, _backwards in steps:
        if migration.app_label not in tenant_apps:
            state = migration.mutate_state(state, preserve=False)
            continue
        with connection.schema_editor(collect_sql=True, atomic=migration.atomic) as editor:
            state = migration.apply(state, editor, collect_sql=True)
        collected.extend(editor.collected_sql)
    return collected


def _post_migrate(plan: ReplayPlan) -> None:
    """What Django's migrate does after the SQL, for the apps the plan touched, in the active schema."""
    labels = {m.app_label for m, _ in plan.steps}
    for config in global_apps.get_app_configs():
        if config.label in labels and config.models_module is not None:
            post_migrate.send(
                sender=config,
                app_config=config,
                verbosity=0,
                interactive=False,
                using=DEFAULT_DB_ALIAS,
                apps=global_apps,
                plan=plan.steps,
            )


def schema_replay(schema: str, plan: ReplayPlan) -> None:
    """``plan`` applied to one schema, in one transaction: all of it, or nothing."""
    now = timezone.now()
    forwards = [(m.app_label, m.name) for m, backwards in plan.steps if not backwards]
    backwards = [(m.app_label, m.name) for m, back in plan.steps if back]
    with schema_context(schema), transaction.atomic():
        with connection.cursor() as cursor:
            # LOCAL: back to django-tenants' search_path when the transaction ends.
            cursor.execute(f'SET LOCAL search_path TO "{schema}", public')
            for statement in plan.statements:
                cursor.execute(statement)
            if forwards:
                cursor.executemany(
                    "INSERT INTO django_migrations (app, name, applied) VALUES (%s, %s, %s)",
                    [(app, name, now) for app, name in forwards],
                )
            for app, name in backwards:
                cursor.execute("DELETE FROM django_migrations WHERE app = %s AND name = %s", [app, name])
        if forwards:
            _post_migrate(plan)


def network_replay(
    schemas: list[str],
    targets: list[tuple[str, str | None]] | None = None,
    *,
    progress: Callable[[str, int], None] | None = None,
) -> ReplayReport:
    """Each schema brought to ``targets``: grouped by applied migrations, one plan rendered per group."""
    report = ReplayReport()
    groups: dict[frozenset, list[str]] = {}
    for schema in schemas:
        groups.setdefault(frozenset(_applied(schema)), []).append(schema)
    done = 0
    for members in groups.values():
        plan = replay_plan(targets, schema=members[0])
        for schema in members:
            done += 1
            if not plan.steps:
                report.up_to_date.append(schema)
            elif not plan.replayable:
                report.django_path.append(schema)
            else:
                try:
                    schema_replay(schema, plan)
                except Exception as error:  # noqa: BLE001 — reported by schema, the others go on
                    report.failed[schema] = f"{type(error).__name__}: {error}".strip()[:500]
                else:
                    report.migrated.append(schema)
            if progress:
                progress(schema, done)
    return report
