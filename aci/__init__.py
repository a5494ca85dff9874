"""aci: a CPTS's contract (ACI) year by year — indicators, values achieved, funding earned, annual report.

- needs: ``content`` (the ACI indicators and their yearly values, the mission pages'
  actions, events and internship offers, member counts by profession, the territory's
  summary), ``network`` (the national funding grids, ``network.funding``; the federation's
  copy ``network.AciYearCopy``), ``tenants`` (the CPTS record: signature date and
  optional missions; the public-copies registry; spreadsheet cells). Prevention
  campaigns are counted by the model's label, never imported.
- offers, in each CPTS's schema: the contract's local rules (``AciContract``: how a
  partly achieved indicator is paid, the first year's proration, publishing the
  summary), its years (``AciYear``) with actions and indicators (baseline, target,
  levels, weight, value and its source, typed or counted); ``aci.earnings``, the pure
  computation of fixed and variable parts (ACI of 20 June 2019, art. 8 and 9; avenant 2);
  the annual report by version (brouillon → transmis → validé, frozen figures) as PDF
  (WeasyPrint) and spreadsheet; the admin's « Contrat ACI › Exercices et rapports »;
  ``/api/v2/aci/years/<year>/`` and its report files; the template tag
  ``{% aci_published_summary %}`` for the public site; the public copy « aci years ».
"""
