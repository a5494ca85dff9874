"""Error pages of both hosts: JSON under /api/, HTML elsewhere, and a 503 when the database is away.

A restart or failover of PostgreSQL must not look like a bug: requests that
hit it get "service momentanément indisponible" with Retry-After, and the next
request opens a fresh connection (CONN_HEALTH_CHECKS), so the server recovers
without being restarted.
"""

import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.template import loader

from tenants.api_errors import error_body, json_not_found

RETRY_AFTER_SECONDS = 5


def is_api(request) -> bool:
    return request.path.startswith("/api/")


def bad_request(request, exception=None, *, message: str = "Requête invalide."):
    """400: JSON under /api/, a French page elsewhere (Django's handler400 too)."""
    if is_api(request):
        return JsonResponse(error_body(400, "invalid", message), status=400)
    return HttpResponse(loader.get_template("cpts_network/400.html").render({"message": message}), status=400)


def not_found(request, exception=None):
    if is_api(request):
        return json_not_found(request, exception)

    return render(request, "cpts_network/404.html", status=404)


def server_error(request):
    error = sys.exc_info()[1]
    if isinstance(error, OperationalError | InterfaceError):
        status, code = 503, "unavailable"
        message = "Service momentanément indisponible, réessayez dans un instant."
        template = "cpts_network/503.html"
    else:
        status, code, message = 500, "server_error", "Erreur interne ; elle a été signalée."
        template = "cpts_network/500.html"
    if is_api(request):
        response = JsonResponse(error_body(status, code, message), status=status)
    else:
        # Rendered without a request: no context processor may touch the database.
        response = HttpResponse(loader.get_template(template).render(), status=status)
    if status == 503:
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response
