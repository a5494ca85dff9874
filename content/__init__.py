"""content: a CPTS's own site, in its schema (Wagtail lives here).

- needs: ``tenants`` (the active CPTS, the journal, the API error format) and
  ``network`` (reference communes, vocabulary, funding). Offers are copied to
  the network listing through ``search.services``, still called from here
  (to be turned into a registered public copy, issue 19).
- offers: the page types (home, standard, health project, missions, news,
  events, documents, contact, internship offers) and their blocks, which shape
  their own API output; governance snippets (association, colleges, mandates,
  coordinators, profession counts); the territory (services
  ``territory_add_communes``, ``territory_remove_communes``, the command
  ``import_territory``); offers shared with the network
  (``internship_offer_share``, ``internship_listings_rebuild``); the Wagtail
  API (``content.api``) and the CPTS's own APIs (``content.apis``: territory,
  governance, missions, funding); the admin's sign-in lockout, optional second
  factor, uploads rules, preview tokens, and the CSP-safe copies of Wagtail's
  widget templates (``content/templates/wagtailadmin``).
"""
