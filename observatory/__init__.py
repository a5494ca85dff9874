"""observatory: the network's « Observatoire » — what CPTS achieve, from the indicators they share.

- needs: ``network`` (the national catalogue ``IndicatorDefinition`` and the
  public copy ``SharedIndicatorValue`` of the values each CPTS agreed to show,
  in ``network.observatory``; regions, departments and the department map),
  ``tenants`` (the CPTS). The copy is written from each CPTS's schema by the
  app that owns its indicators; nothing here visits a CPTS schema.
- offers: rollups per indicator and year for France, a region or a department
  (number of CPTS reporting, total, median, quartiles, distribution), under
  the small-number rule (``observatory.disclosure``); the pages
  ``/observatoire/`` (open values, public) and the federation admin's view of
  shared values; the open data files (CSV, JSON, Frictionless Table Schemas,
  ``datapackage.json``, Licence Ouverte 2.0) and the API
  ``/api/network/observatory/``.
"""
