"""tenants: the CPTS of the network and their lifecycle, the bottom layer.

- needs: Django, django-tenants and PostgreSQL; nothing of the other apps.
- offers: the models ``CPTS`` (one schema each) and ``Domain``; services
  ``cpts_create``, ``cpts_update``, ``cpts_archive``, ``cpts_restore``,
  ``cpts_export``, ``cpts_import``; selectors ``cpts_list``, ``current_cpts``;
  the public-copy contract (``tenants.public_copies``: each feature that
  copies a CPTS's data into the public schema registers how to rebuild and
  withdraw it; archive, restore and import go through it); the shared
  vocabulary (``tenants.vocabulary``: missions, professions, disciplines) and
  the no-patient-data validator (``tenants.no_patient_data``); the
  Host-to-schema middleware (``tenants.middleware``), the schema-prefixed
  storage, the PostgreSQL backend keyed by schema (which notes every write
  and recycles a connection by the schemas it visited), schema versions and
  the answers kept by them (``tenants.schema_versions``: apps declare the
  public tables their sites read; ``tenants.response_cache``), the network journal
  (``tenants.audit``: ``audit_record``, ``AuditActorMiddleware``), the API
  error format (``tenants.api_errors``), CSV rendering and cell escaping
  (``tenants.renderers``, ``tenants.spreadsheets``), and the system checks
  that keep CPTS data apart (``tenants.checks``). Commands: ``create_cpts``,
  ``list_cpts``, ``archive_cpts``, ``restore_cpts``, ``export_cpts``,
  ``import_cpts``, ``check_public_copies`` and ``migrate_schemas``.
"""
