"""content: a CPTS's own site, in its schema (Wagtail lives here).

- needs: ``tenants`` (the active CPTS, the journal, the API error format,
  the public-copy contract) and ``network`` (reference communes, funding).
- offers: the page types (home, standard, health project, missions, news,
  events, documents, contact, internship offers) and their blocks, which shape
  their own API output; governance snippets (association, colleges, mandates,
  coordinators, profession counts); the territory (services
  ``territory_add_communes``, ``territory_remove_communes``, the command
  ``import_territory``; its public copy, the territory claims, registered with
  ``tenants.public_copies``); the Wagtail
  API (``content.wagtail_api``) and the CPTS's own APIs (``content.apis``: territory,
  governance, missions, funding); the admin's sign-in lockout, optional second
  factor, uploads rules, preview tokens, and the CSP-safe copies of Wagtail's
  widget templates (``content/templates/wagtailadmin``).
"""
