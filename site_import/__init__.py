"""site_import: bring a CPTS's former site in (WordPress or Plone), and keep its old addresses working.

- needs: ``content`` (the page types an import fills: pages, news, events, and the
  body's blocks, among them the one that keeps what has no equivalent), Wagtail's
  images, documents, collections and redirects, and ``tenants`` (the CPTS being
  filled, for the command).
- offers, in each CPTS's schema: ``import_site`` (the service behind the command of
  that name and the admin's *Importer un site* screen), its dry run and its report
  (``ImportReport``: what is created, updated, approximated or skipped, as text and
  JSON), ``ImportedItem`` (which page, image or document each item of an export
  became, so that importing the same export again updates instead of duplicating),
  and a Wagtail redirect from every old address.

Readers of exports live in ``site_import.sources``: each turns a file into
``SourceSite``, the same neutral shape, so the import knows no format. What one
import may read and keep is bounded by ``site_import.limits`` (its settings are
listed there); imported images and documents pass ``content``'s upload rules
through the same Wagtail forms as an editor's upload (``site_import.media``).
"""
