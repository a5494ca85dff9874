"""One JSON error format for every API of the project.

    {"error": {"status": 400, "code": "invalid", "message": "...", "fields": {"name": ["..."]}}}

``fields`` appears for validation errors only. Django's ``ValidationError``
raised by a service is turned into the same shape as DRF's own.
"""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404, JsonResponse
from rest_framework import exceptions
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.views import exception_handler


def error_body(status: int, code: str, message: str, fields: dict | None = None) -> dict:
    body = {"status": status, "code": code, "message": message}
    if fields:
        body["fields"] = fields
    return {"error": body}


def api_exception_handler(exc, context):
    if isinstance(exc, DjangoValidationError):
        detail = exc.message_dict if hasattr(exc, "message_dict") else {"non_field_errors": exc.messages}
        exc = exceptions.ValidationError(detail=detail)
    elif isinstance(exc, Http404):
        exc = exceptions.NotFound()
    response = exception_handler(exc, context)
    if response is None:
        return None
    detail = response.data
    if isinstance(exc, exceptions.ValidationError):
        fields = detail if isinstance(detail, dict) else {"non_field_errors": detail}
        named = ", ".join(str(name) for name in fields if name != "non_field_errors")
        message = f"Données invalides : {named}." if named else "Données invalides."
        body = error_body(response.status_code, "invalid", message, fields)
    else:
        code = getattr(exc, "default_code", "error")
        message = detail.get("detail", str(detail)) if isinstance(detail, dict) else str(detail)
        body = error_body(response.status_code, str(code), str(message))
    request = context.get("request")
    if request is not None and getattr(request, "accepted_renderer", None) is not None:
        # An error is JSON even when CSV was asked for: clients parse one error format.
        request.accepted_renderer = JSONRenderer()
        request.accepted_media_type = JSONRenderer.media_type
    return Response(body, status=response.status_code, headers=dict(response.headers))


def json_not_found(request, exception=None):
    return JsonResponse(error_body(404, "not_found", "Ressource introuvable."), status=404)


def json_server_error(request):
    return JsonResponse(error_body(500, "server_error", "Erreur interne."), status=500)
