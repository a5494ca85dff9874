"""Edge guards of both hosts: input PostgreSQL can never take, JSON 500s under /api/, headers.

``RequestGuardMiddleware`` runs first. A NUL byte (``%00``) in a path or a
query string can reach no valid answer (PostgreSQL refuses NUL in text), so
it is a 400 before any view sees it: JSON under ``/api/``, a French page
elsewhere. A view's unexpected exception under ``/api/`` is answered in the
project's JSON error format even with ``DEBUG=True`` (the technical page is
HTML that no API client can read); it is still logged and signalled as
Django does. Being outermost, it also puts the strict Content-Security-Policy
and the Permissions-Policy on answers that never reached the headers'
middleware at the tail: an unknown host's 404, its own 400, and the error
pages of a failure in a middleware before the tail (a cache or database
away).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from urllib.parse import unquote_to_bytes

from csp.utils import build_policy
from django.conf import settings
from django.core.exceptions import BadRequest, PermissionDenied, SuspiciousOperation
from django.core.signals import got_request_exception
from django.http import Http404, HttpRequest, HttpResponse
from django.urls import NoReverseMatch, reverse

from cpts_network.errors import bad_request, is_api, server_error

logger = logging.getLogger("django.request")
CLIENT_ERRORS = (Http404, PermissionDenied, SuspiciousOperation, BadRequest)


def has_nul_byte(request: HttpRequest) -> bool:
    return "\x00" in request.path_info or b"\x00" in unquote_to_bytes(request.META.get("QUERY_STRING", ""))


class RequestGuardMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if has_nul_byte(request):
            response = bad_request(request, message="Requête invalide : caractère nul dans l'adresse.")
        else:
            response = self.get_response(request)
        return policy_headers_ensure(response)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not is_api(request) or isinstance(exception, CLIENT_ERRORS):
            return None
        got_request_exception.send(sender=self.__class__, request=request)
        logger.error(
            "Internal Server Error: %s",
            request.path,
            exc_info=exception,
            extra={"status_code": 500, "request": request},
        )
        response = server_error(request)
        response._has_been_logged = True  # logged above, with the traceback
        return response


def policy_headers_ensure(response: HttpResponse) -> HttpResponse:
    """The strict policy on an answer that has none and was not exempted by django-csp (Redoc's pages)."""
    exempt = getattr(response, "_csp_exempt", False)
    if not exempt and "Content-Security-Policy" not in response.headers:
        response.headers["Content-Security-Policy"] = build_policy()
    if settings.PERMISSIONS_POLICY:
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
    return response


class PermissionsPolicyMiddleware:
    """``Permissions-Policy`` on every answer: browser features no page here uses stay off."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if settings.PERMISSIONS_POLICY:
            response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response


class EditorStylesMiddleware:
    """Inline ``<style>`` elements, in Wagtail's admin only.

    Draftail, Wagtail's rich-text editor, renders its placeholders and list
    counters as ``<style>`` elements made in the browser, with per-editor
    selectors no hash or nonce can cover. Scripts stay ``'self'`` everywhere:
    an injected style cannot run code, an injected script could. Listed after
    django-csp's middleware, so that it marks the answer before the policy is
    written.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        prefix = wagtail_admin_prefix(request)
        if prefix and request.path_info.startswith(prefix):
            response._csp_update = {"style-src": ["'unsafe-inline'"]}
        return response


def wagtail_admin_prefix(request: HttpRequest) -> str | None:
    """Where Wagtail's admin is mounted for this host (none on the federation's host)."""
    try:
        return reverse("wagtailadmin_home", urlconf=getattr(request, "urlconf", None))
    except NoReverseMatch:
        return None
