"""syndication: news and events shared across the network, and the network agenda.

- needs: ``content``'s news and event pages (followed through Wagtail's
  signals, ``syndication.signals``; republished under a CPTS's own news and
  agenda indexes), ``network`` (regions and departments, the federation's
  admin site, safe HTML) and ``tenants`` (the public-copy contract, the
  vocabulary of missions used as themes, the audit journal).
- offers: the public copy of every live, public news item and event of every
  CPTS, beside the federation's own (``NetworkPost``, registered as the public
  copy « network posts »); subscriptions of a CPTS to a source (the federation,
  a CPTS, a theme) and the republication of a source's items as pages of the
  subscriber's site that follow the source until edited
  (``syndication.republish``, ``manage.py sync_network_posts``); the network
  agenda ``/agenda/`` with its iCalendar feed ``/agenda.ics`` on the
  federation's host, a CPTS's own ``/agenda.ics``, and the routes
  ``/api/network/agenda/`` and ``/api/network/news/`` (``syndication.urls``).
"""
