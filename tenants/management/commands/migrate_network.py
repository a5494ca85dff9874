"""Migrate every CPTS schema: the SQL rendered once and replayed per schema (tenants.migration_replay).

Release order: ``migrate_schemas --shared``, then this command, then the new
code. Each schema is migrated in its own transaction, so during the run a
request sees its CPTS either before or after the migration, never between;
the new code must therefore still run against the old schema (additive
migrations first, removals in the next release), as with any rolling deploy.
"""

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.db.migrations.exceptions import AmbiguityError
from django.db.migrations.executor import MigrationExecutor
from django_tenants.utils import schema_context

from tenants.management.cli import cpts_selected
from tenants.migration_replay import network_replay, replay_plan
from tenants.schema_template import refresh_template
from tenants.validators import TEMPLATE_SCHEMA_NAME


class Command(BaseCommand):
    help = (
        "Migre tous les schémas de CPTS : le SQL est calculé une fois sur le modèle, puis rejoué dans "
        "chaque schéma (une transaction chacun). Les migrations qui exécutent du Python, du SQL brut ou "
        "renomment un modèle passent par migrate_schemas."
    )

    def add_arguments(self, parser):
        parser.add_argument("app_label", nargs="?", help="Application à migrer (toutes sinon).")
        parser.add_argument(
            "migration_name", nargs="?", help="Migration cible, ou « zero » pour tout retirer."
        )
        parser.add_argument(
            "--plan", action="store_true", help="Affiche le plan et la voie choisie, sans migrer."
        )
        parser.add_argument("--cpts", help="Nom court d'une seule CPTS.")

    def handle(self, *args, app_label=None, migration_name=None, plan=False, cpts=None, **options):
        verbosity = int(options.get("verbosity", 1))
        targets = self._targets(app_label, migration_name)
        replay = replay_plan(targets)
        if not replay.steps:
            self.stdout.write("Le modèle de schéma est à jour ; les CPTS en retard sont rattrapées.")
        for migration, backwards in replay.steps:
            verb = "retirer" if backwards else "appliquer"
            self.stdout.write(f"  {verb} {migration.app_label}.{migration.name}")
        if not replay.replayable:
            self.stdout.write("Voie de Django (migrate_schemas), à cause de :")
            for reason in replay.needs_django:
                self.stdout.write(f"  {reason}")
        else:
            self.stdout.write(f"Voie rejouée : {len(replay.statements)} instruction(s) SQL par schéma.")
        if plan:
            return
        target = [name for name in (app_label, migration_name) if name]
        if not replay.replayable:
            migrate_options = {"tenant": True, "interactive": False, "verbosity": verbosity}
            if cpts:
                migrate_options["schema_name"] = next(cpts_selected(cpts)).schema_name
            self._django_path(target, **migrate_options)
            return

        if not cpts:  # one CPTS alone leaves the template, and the other CPTS, as they are
            refresh_template(verbosity=verbosity, app_label=app_label, migration_name=migration_name)
        schemas = [c.schema_name for c in cpts_selected(cpts)]

        def progress(schema: str, done: int) -> None:
            if verbosity >= 1 and (done % 100 == 0 or done == len(schemas)):
                self.stdout.write(f"  {done}/{len(schemas)} schémas")

        report = network_replay(schemas, targets, progress=progress)
        for schema in report.django_path:
            # Behind the others on a migration that needs Python: Django plans it alone.
            self._django_path(target, schema_name=schema, tenant=True, interactive=False, verbosity=0)
        self.stdout.write(
            f"{len(report.migrated)} schéma(s) migré(s) par la voie rejouée, "
            f"{len(report.django_path)} par la voie de Django, {len(report.up_to_date)} déjà à jour, "
            f"{len(report.failed)} en échec."
        )
        if report.failed:
            lines = "\n".join(f"  {schema} : {error}" for schema, error in report.failed.items())
            raise CommandError(
                f"Échec dans {len(report.failed)} schéma(s), laissé(s) tel(s) qu'avant :\n{lines}\n"
                "Les autres sont migrés. Corrigez puis relancez : seuls les schémas en retard seront migrés."
            )

    def _targets(self, app_label, migration_name):
        if not app_label:
            return None
        with schema_context(TEMPLATE_SCHEMA_NAME):
            loader = MigrationExecutor(connection).loader
        if app_label not in loader.migrated_apps:
            raise CommandError(f"Application sans migrations : {app_label}.")
        if migration_name is None:
            return [key for key in loader.graph.leaf_nodes() if key[0] == app_label]
        if migration_name == "zero":
            return [(app_label, None)]
        try:
            migration = loader.get_migration_by_prefix(app_label, migration_name)
        except (KeyError, AmbiguityError) as error:
            raise CommandError(f"Migration introuvable : {app_label} {migration_name} ({error}).") from error
        return [(app_label, migration.name)]

    def _django_path(self, target, **options):
        call_command("migrate_schemas", *target, **options)
