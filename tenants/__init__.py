"""tenants: the CPTS of the network and their lifecycle, the bottom layer.

- needs: Django, django-tenants and PostgreSQL; nothing of the other apps,
  but for the shared vocabulary of stages (``network.vocabulary``), still
  imported from above (to be moved down, issue 19).
- offers: the models ``CPTS`` (one schema each) and ``Domain``; services
  ``cpts_create``, ``cpts_update``, ``cpts_archive``, ``cpts_restore``,
  ``cpts_export``, ``cpts_import``; selectors ``cpts_list``, ``current_cpts``;
  the Host-to-schema middleware (``tenants.middleware``), the schema-prefixed
  storage, the PostgreSQL backend keyed by schema, the network journal
  (``tenants.audit``: ``audit_record``, ``AuditActorMiddleware``), the API
  error format (``tenants.api_errors``), CSV rendering and cell escaping
  (``tenants.renderers``, ``tenants.spreadsheets``), and the system checks
  that keep CPTS data apart (``tenants.checks``). Commands: ``create_cpts``,
  ``list_cpts``, ``archive_cpts``, ``restore_cpts``, ``export_cpts``,
  ``import_cpts``, ``cpts_summary`` and ``migrate_schemas``.
"""
