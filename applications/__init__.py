"""applications: students apply to a CPTS's internship offers (« Candidater »), in the CPTS's schema.

- needs: ``content``'s offer pages (``InternshipOfferPage``: its contact e-mail,
  dates, ``accepts_applications``) and its contact form's honeypot
  (``content.contact``), the admin's base URL and the French date filter;
  ``tenants`` (schema-prefixed storage, vocabulary, no-patient-data check, API
  error format).
- offers: the model ``InternshipApplication`` (status reçue / en cours /
  retenue / non retenue; CV kept outside the public media, ``applications.storage``),
  the form on every open offer's page (template tag ``{% application_form page %}``,
  posted to the page itself through an ``on_serve_page`` hook, inside Wagtail's
  view restrictions), the service
  ``application_submit`` (stores, e-mails the offer's contact with the CV
  attached and acknowledges to the student), ``applications_purge`` (12 months
  after the internship's end; ``cpts_network.periodic``), the admin's
  « Candidatures » screens with filters (Coordination role) and the API
  ``ApplicationApi`` (``cpts_network.urls_tenant_api``).
"""
