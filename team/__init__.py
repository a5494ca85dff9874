"""A CPTS's team: its roles, the bureau's validation, and inviting people into the admin.

Roles are Django groups carrying Wagtail's own permissions (page permissions on
the root page, collection permissions on the root collection, model
permissions), created in every CPTS schema by this app's data migration (so
the schema template has them, and a new CPTS gets them from it) and kept in
step by ``roles_install``:

- **Coordination**: everything in the schema, users and roles included;
- **Rédaction**: writes pages and campaigns, submits them for validation, never publishes;
- **Bureau**: validates or rejects what is submitted, and publishes;
- **Lecture**: reads the admin (pages, territory, indicators, members' counts), writes nothing.

Wagtail's default workflow becomes « Validation du bureau », whose one task is
done by the Bureau group. People join by invitation: a role and an e-mail, and
the person chooses their password through a one-time link (Django's reset
token: it stops working once used).

Needs: ``tenants`` (addresses in normal form, the journal), ``content`` (the
admin's permission rules for its screens), Wagtail. Offers: ``roles``
(definitions and ``roles_install``), services ``team_member_invite`` and
``team_role_withdraw``, the *Équipe* admin screens.
"""
