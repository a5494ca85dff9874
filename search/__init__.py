"""search: the students' search of internship offers across the whole network.

- needs: ``content``'s offer pages (``search.offer_pages`` follows them
  through Wagtail's signals, ``search.signals``), ``network`` (reference
  communes) and ``tenants`` (the public-copy contract, the vocabulary).
- offers: the public listing of offers (``InternshipListing``, written by
  ``listing_write``/``listing_withdraw``/``listings_replace``), the search
  (``internship_search``: PostgreSQL full text, or Elasticsearch when
  ``ELASTICSEARCH_URL`` is set, ``search.backends``), its public copy (« internship listings »)
  registered with ``tenants.public_copies``, the page ``/stages/`` and the
  route ``/api/network/internships/`` (``search.urls``), the Wagtail search backend of each
  CPTS's site on Elasticsearch (``search.wagtail_backend``), and the commands
  ``reindex_network`` and ``check_search_index``.
"""
