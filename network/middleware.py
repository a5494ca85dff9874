"""django-otp's middleware on the federation's host only.

It tells whether a session passed the second factor. Its tables live in the
public schema (django-otp is a shared app); on a CPTS host there is nothing to
verify against, so requests there pass through untouched.
"""

from collections.abc import Callable

from django.db import connection
from django.http import HttpRequest, HttpResponse
from django_otp.middleware import OTPMiddleware
from django_tenants.utils import get_public_schema_name


class FederationOTPMiddleware(OTPMiddleware):
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        super().__init__(get_response)
        self.get_response_only = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if connection.schema_name != get_public_schema_name():
            return self.get_response_only(request)
        return super().__call__(request)
