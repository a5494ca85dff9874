"""network: the federation's world, in the public schema.

- needs: ``tenants`` (the CPTS and their lifecycle, the vocabulary).
- offers: reference data (communes, departments, regions, populations;
  ``load_reference_data``), territory claims and coverage (selectors
  ``coverage_national``, ``coverage_by_region``, ``coverage_by_department``,
  ``uncovered_in_department``, ``cpts_directory``), ACI funding grids
  (``funding_for_cpts``, ``funding_by_cpts``), prevention themes, kits and the
  network's campaign listing (``network.models``, ``network.prevention``), name resolution of communes
  (``network.resolution``), HTML cleaning (``network.safe_html``); the
  federation's admin with its dashboards and second factor; the routes of
  ``/api/network/`` (``network.urls``: cpts, coverage, funding, campaigns).
"""
