"""Wagtail's settings in the CPTS schemas."""

from __future__ import annotations

from typing import Any


def wagtail_settings() -> dict[str, Any]:
    """Wagtail in the CPTS schemas: sign-in forms, privacy of the admin, upload rules, slugs."""
    return {
        # The CPTS login asks for a code of accounts that turned the second factor on.
        "WAGTAILADMIN_USER_LOGIN_FORM": "content.second_factor.CPTSLoginForm",
        # Members sign in here to read pages and documents kept for them (members.accounts).
        "WAGTAIL_FRONTEND_LOGIN_TEMPLATE": "members/login.html",
        # No Gravatar (a hash of every editor's e-mail sent away), no call to
        # releases.wagtail.org from every CPTS admin's dashboard.
        "WAGTAIL_GRAVATAR_PROVIDER_URL": None,
        "WAGTAIL_ENABLE_UPDATE_CHECK": False,
        # An account's address is its identity (invitations, adhésions find accounts by it): nobody
        # changes their own unchecked; the coordination re-invites instead (team.services).
        "WAGTAIL_EMAIL_MANAGEMENT_ENABLED": False,
        # Uploads (content/uploads.py): no format that can carry script (SVG,
        # HTML); images re-encoded on upload; documents served as attachments but PDF and text.
        "WAGTAILDOCS_EXTENSIONS": ["pdf", "odt", "docx", "xlsx", "ods", "csv", "txt", "png", "jpg"],
        "WAGTAILDOCS_INLINE_CONTENT_TYPES": ["application/pdf", "text/plain"],
        "WAGTAILDOCS_DOCUMENT_FORM_BASE": "content.uploads.CPTSDocumentForm",
        "CPTS_DOCUMENT_MAX_BYTES": 20 * 1024 * 1024,
        "WAGTAILIMAGES_EXTENSIONS": ["gif", "jpg", "jpeg", "png", "webp"],
        "WAGTAILIMAGES_MAX_UPLOAD_SIZE": 10 * 1024 * 1024,
        "WAGTAILIMAGES_IMAGE_FORM_BASE": "content.uploads.CPTSImageForm",
        "WAGTAILAPI_BASE_URL": "",
        # ASCII slugs: /projet-de-sante/ survives every mail client and printed flyer.
        "WAGTAIL_ALLOW_UNICODE_SLUGS": False,
    }
