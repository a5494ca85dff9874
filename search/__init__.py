"""search: the students' search of internship offers across the whole network.

- needs: ``content``'s offer pages (through their listings), ``network``
  (reference communes, vocabulary) and ``tenants``.
- offers: the public listing of offers (``InternshipListing``, written by
  ``listing_write``/``listing_withdraw``/``listings_replace``), the search
  (``internship_search``: PostgreSQL full text, or Elasticsearch when
  ``ELASTICSEARCH_URL`` is set, ``search.backends``), the page ``/stages/``
  and the API ``/api/network/internships/``, the Wagtail search backend of each
  CPTS's site on Elasticsearch (``search.wagtail_backend``), and the commands
  ``reindex_network`` and ``check_search_index``.
"""
