"""access: access to care for the public, on the federation's host — « Trouver ma CPTS ».

- needs: ``network`` (reference communes, their former names and postal codes,
  ``network.names``; the covered units of every CPTS, ``UnitClaim``, kept by
  ``network.coverage``), ``content`` (``page_copies_follow``, to follow a
  page type through Wagtail's signals) and ``tenants`` (the CPTS, their
  primary hosts, ``public_url``, the public-copy contract). The adhésion page
  type belongs to ``members``, at the same level: it is named by its label
  (``members.AdhesionPage``, ``access.adhesion_pages``), never imported.
- offers: the search of the CPTS covering a commune (``find_my_cpts``: a
  name with typos or without accents, a postal code, an INSEE code, a former
  name or a commune déléguée), the page ``/trouver-ma-cpts/`` and the route
  ``/api/network/find-my-cpts/`` (``access.urls``); the public copy of where
  each CPTS's live, public « Adhésion » page is (``AdhesionPageCopy``,
  registered as « adhesion pages »); the region's ARS for a commune in no CPTS
  (``access.ars``).

Nothing here asks for, or keeps, anything about a patient: the search is a
commune, read and forgotten.
"""
