"""unscheduled_care: « Soins non programmés », where to go when one's doctor is closed.

- needs: ``content`` (the page base ``CPTSPage``, the home page it sits under,
  rich-text features, ``SelectorField``, the territory's communes and map),
  ``network`` (reference communes, their postal codes, points and outlines:
  ``network.commune_maps``) and ``tenants`` (the current CPTS). The federation
  side (``access``) names its page type by its label only.
- offers: the page type ``UnscheduledCarePage`` (one per site, under the home
  page): the national numbers and the official tools for finding a médecin
  traitant, shipped as data with their sources (``data/national_numbers.json``),
  then the CPTS's places as checked blocks (``blocks.PlaceBlock``: kind,
  address, commune of the territory, coordinates, opening hours as day and time
  ranges, ways in, step-free access), their hours in words, schema.org
  microdata for each place and a server-rendered map; the route
  ``/api/v2/unscheduled-care/`` (``apis.UnscheduledCareApi``).

Nothing here asks for, or keeps, anything about a patient: no form, no list of
patients; the page sends people to the official numbers and tools.
"""
