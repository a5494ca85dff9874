"""Headless preview: a CPTS's own front end shows a draft before it is published.

The admin hands the front end a signed token naming the schema, the page and
its latest revision; the front end exchanges it at /api/v2/page_preview/ for
the draft, serialized like any page. Tokens expire after an hour and are
refused on another CPTS's host.
"""

from __future__ import annotations

from django.core import signing
from django.db import connection
from django.http import Http404
from wagtail.models import Page, Revision

SALT = "content.headless-preview"
MAX_AGE_SECONDS = 3600


def preview_token(*, page: Page) -> str:
    return signing.dumps(
        {"schema": connection.schema_name, "page": page.pk, "revision": page.latest_revision_id}, salt=SALT
    )


def preview_page(token: str) -> Page:
    """The draft a token names, as a page object; 404 for a bad, expired or foreign token."""
    try:
        data = signing.loads(token, salt=SALT, max_age=MAX_AGE_SECONDS)
    except signing.BadSignature as error:  # includes SignatureExpired
        raise Http404("Jeton d'aperçu invalide ou expiré.") from error
    if data.get("schema") != connection.schema_name:
        raise Http404("Jeton d'aperçu invalide ou expiré.")
    try:
        revision = Revision.page_revisions.get(pk=data["revision"], object_id=str(data["page"]))
    except Revision.DoesNotExist as error:
        raise Http404("Brouillon introuvable.") from error
    return revision.as_object()


def frontend_preview_url(*, page: Page, frontend_url: str) -> str:
    return f"{frontend_url.rstrip('/')}/preview?token={preview_token(page=page)}"
