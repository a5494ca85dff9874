"""Which schema serves a request, decided from its Host header alone.

Federation hosts (``FEDERATION_HOSTS``) get the public schema and its own
urlconf. Any other host must be a CPTS domain; an unknown host is a 404,
never a fallback to some other site. ``X-Forwarded-Host`` is not trusted
(``USE_X_FORWARDED_HOST`` stays off), and hosts are compared in lower case
without their port.
"""

from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.db import connection
from django.http import HttpResponseNotFound
from django.urls import set_urlconf
from django_tenants.middleware.main import TenantMainMiddleware

from .routing import route_and_versions


def host_name(host: str) -> str:
    """The name a CPTS domain is stored under: ``Host`` without its port, in lower case."""
    return host.split(":")[0].lower().rstrip(".")


class CPTSHostMiddleware(TenantMainMiddleware):
    # Served by WSGI: a plain call, without MiddlewareMixin's asking at every
    # request whether it runs under asyncio. Under ASGI Django adapts it.
    async_capable = False

    def __call__(self, request):
        return self.process_request(request) or self.get_response(request)

    @staticmethod
    def hostname_from_request(request) -> str:
        return host_name(request.get_host())

    def process_request(self, request):
        connection.set_schema_to_public()
        try:
            host = request.get_host()
        except DisallowedHost:
            return HttpResponseNotFound()
        hostname = host_name(host)
        if hostname in settings.FEDERATION_HOSTS:
            request.tenant = connection.tenant
            request.urlconf = settings.PUBLIC_SCHEMA_URLCONF
            set_urlconf(request.urlconf)
            return None
        tenant, request.cpts_schema_versions = route_and_versions(hostname)
        if tenant is None:
            return self.no_tenant_found(request, hostname)
        tenant.domain_url = hostname
        request.tenant = tenant
        # Validated against ALLOWED_HOSTS above: the response cache keys by it
        # rather than having Django validate it a second time.
        request.cpts_host = host
        connection.set_tenant(tenant)
        # A CPTS host is served by ROOT_URLCONF, which Django sets at every
        # request: django-tenants' setup_url_routing would only decide that again.
        return None
