"""Headers of every answer: the Content-Security-Policy and the others."""

from __future__ import annotations

from typing import Any

# One strict policy, enforced on every page: the public theme, the students'
# search, the APIs and both admins run no inline script, and no inline style
# but for one exception below.
# Wagtail 8 starts its date choosers and inline panels with inline scripts:
# content's copies of those templates start them from a static file instead
# (content/static/content/admin-start.js). Wagtail's admin alone also allows
# inline <style> elements, which its rich-text editor makes
# (cpts_network.middleware.EditorStylesMiddleware). Only the Redoc pages, whose
# generated page carries an inline script and inline styles, get the policy as
# report-only (cpts_network/api_docs.py).
STRICT_POLICY = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:", "blob:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'self'"],
}


def header_settings() -> dict[str, Any]:
    """The strict Content-Security-Policy and the other headers of every answer."""
    return {
        "CONTENT_SECURITY_POLICY": {"DIRECTIVES": STRICT_POLICY},
        # Features no page of the product uses, refused to any script that would.
        "PERMISSIONS_POLICY": (
            "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()"
        ),
        "REFERRER_POLICY": "same-origin",
        "SECURE_REFERRER_POLICY": "same-origin",
        "SECURE_CONTENT_TYPE_NOSNIFF": True,
        "X_FRAME_OPTIONS": "SAMEORIGIN",
    }
