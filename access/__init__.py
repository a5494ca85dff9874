"""access: access to care for the public, on the federation's host — « Trouver ma CPTS ».

- needs: ``network`` (reference communes, their former names and postal codes,
  ``network.names``; the covered units of every CPTS, ``UnitClaim``, kept by
  ``network.coverage``), ``content`` (``page_copies_follow``, to follow a
  page type through Wagtail's signals) and ``tenants`` (the CPTS, their
  primary hosts, ``public_url``, the public-copy contract). The adhésion and
  « Soins non programmés » page types belong to ``members`` and
  ``unscheduled_care``, at the same level: they are named by their labels
  (``access.page_links``), never imported.
- offers: the search of the CPTS covering a commune (``find_my_cpts``: a
  name with typos or without accents, a postal code, an INSEE code, a former
  name or a commune déléguée), the page ``/trouver-ma-cpts/`` and the route
  ``/api/network/find-my-cpts/`` (``access.urls``); the public copy of where
  each CPTS's live, public « Adhésion » and « Soins non programmés » pages are
  (``AdhesionPageCopy``, ``UnscheduledCarePageCopy``, registered as « adhesion
  pages » and « unscheduled care pages »); the region's ARS for a commune in no CPTS
  (``access.ars``).

Nothing here asks for, or keeps, anything about a patient: the search is a
commune, read and forgotten.
"""
