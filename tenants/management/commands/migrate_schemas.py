"""django-tenants' migrate_schemas, plus the CPTS template.

After the public schema and every CPTS schema, the template schema is
migrated too and its SQL refreshed, so the next ``cpts_create`` copies a
schema identical to a migrated one.
"""

from django_tenants.management.commands.migrate_schemas import (
    Command as DjangoTenantsMigrateSchemas,
)

from tenants.schema_template import refresh_template


class Command(DjangoTenantsMigrateSchemas):
    def handle(self, *args, **options):
        super().handle(*args, **options)
        read_only = options.get("plan") or options.get("check_unapplied")
        if self.sync_tenant and not options.get("schema_name") and not read_only:
            # To the same target: "migrate_schemas benchapp zero" must not re-apply it to the template.
            template = refresh_template(
                verbosity=int(options.get("verbosity", 1)),
                app_label=options.get("app_label"),
                migration_name=options.get("migration_name"),
            )
            if int(options.get("verbosity", 1)) >= 1:
                self.stdout.write(f"Modèle de schéma CPTS à jour ({template.fingerprint[:12]}).")
