"""The CPTS network for Wagtail: the wiring of its apps, for this repository and any project.

Layers, each importing only those to its left::

    tenants  <-  network  <-  content  <-  feature apps  <-  cpts_network

(feature apps: prevention, search, syndication, members, site_import, team, access, aci,
unscheduled_care, applications, observatory).

- needs: every app above, Wagtail, django-tenants, Django REST framework.
- offers: ``cpts_network.settings.cpts_settings()`` (the settings the apps
  require), the URL confs of the public schema (``urls_public``, with the
  network's API ``urls_api``) and of CPTS schemas (``urls_tenant``), the
  demo network (``cpts_network.demo``, ``load_demo_network``) and
  ``cpts_summary``, the edge middleware, error pages and the theme's
  ``base.html``, and system checks (``cpts_network.checks``) that name a
  missing or misordered piece in one line.
"""

__version__ = "0.2.0"
