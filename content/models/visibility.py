"""Which pages of a listing a visitor may open: the rule every index page and the home follow.

Needs Wagtail's view restrictions only; offers ``viewable_by`` to the page models of
``content`` and of the feature apps above it (prevention's campaigns).
"""

from __future__ import annotations

from django.db.models import Q
from django.http import HttpRequest
from wagtail.models import PageViewRestriction
from wagtail.query import PageQuerySet


def viewable_by(pages: PageQuerySet, request: HttpRequest) -> PageQuerySet:
    """``pages`` less those under a view restriction that ``request`` has not passed.

    A page made private answers with the sign-in or the password form; a listing must not
    show its title and summary either. Wagtail's ``public()`` would also hide a members'
    section from its own members, so this keeps what Wagtail would serve this visitor. A
    request without a session passes none: what the shared cache keeps (never an answer to
    a request with a session) is the public listing.
    """
    refused = Q()
    for section in _refused_sections(request):
        refused |= pages.descendant_of_q(section, inclusive=True)
    return pages.exclude(refused) if refused else pages


def _refused_sections(request: HttpRequest) -> list:
    # Read once per request: the home page lists news and events, each through here.
    if not hasattr(request, "_cpts_refused_sections"):
        request._cpts_refused_sections = [
            restriction.page
            for restriction in PageViewRestriction.objects.select_related("page")
            if not restriction.accept_request(request)
        ]
    return request._cpts_refused_sections
