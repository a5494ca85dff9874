"""Headless preview: a CPTS's own front end shows a draft before it is published.

The admin hands the front end a random token; the front end exchanges it at
``/api/v2/page_preview/?token=…`` for the draft, serialized like any page.

A token is not a signature: it is 256 random bits whose digest is stored in
the CPTS's schema with the revision it opens and an expiry (one hour). Nobody
can make one without the admin handing it out, not even with the install's
``SECRET_KEY``; it opens one revision on one CPTS's host and nothing else.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

from django.http import Http404
from django.utils import timezone
from wagtail.models import Page

from .models import PreviewToken

LIFETIME = timedelta(hours=1)
INVALID = "Jeton d'aperçu invalide ou expiré."


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()


def preview_token(*, page: Page) -> str:
    """A new token for the page's latest revision; expired tokens of the schema are pruned."""
    now = timezone.now()
    PreviewToken.objects.filter(expires_at__lte=now).delete()
    token = secrets.token_urlsafe(32)
    PreviewToken.objects.create(
        digest=_digest(token), revision_id=page.latest_revision_id, expires_at=now + LIFETIME
    )
    return token


def preview_page(token: str) -> Page:
    """The draft a token names, as a page object; 404 for an unknown, expired or foreign token."""
    if not token or len(token) > 200:
        raise Http404(INVALID)
    found = (
        PreviewToken.objects.select_related("revision")
        .filter(digest=_digest(token), expires_at__gt=timezone.now())
        .first()
    )
    if found is None:
        raise Http404(INVALID)
    return found.revision.as_object()


def frontend_preview_url(*, page: Page, frontend_url: str) -> str:
    return f"{frontend_url.rstrip('/')}/preview?token={preview_token(page=page)}"
