"""Every route a CPTS host serves under ``/api/`` is in its OpenAPI schema, and nothing else is.

The routes are read from the urlconf a CPTS host runs (``cpts_network.urls_tenant``),
the paths from the schema that host serves. A route template and a schema path
are compared after writing ``<int:page_id>`` as ``{page_id}``; drf-spectacular
names a primary key ``{id}`` (``SCHEMA_COERCE_PATH_PK``), so Wagtail's
``<int:pk>`` is ``{id}``, and Wagtail's router writes each endpoint's prefix as
a regular expression of plain text (``^pages/``), read as that text. Wagtail's
own endpoints (pages, page_preview, images, documents: listing, ``{id}`` and
``find``) are otherwise documented like the others and have no exception. Two
routes are left out because they describe the API rather than belong to it: the
schema itself and its Redoc page.
"""

import re

from django.urls import URLPattern, URLResolver
from django.urls.resolvers import RegexPattern

from cpts_network import urls_tenant

DESCRIBING_THE_API = {"/api/v2/schema/", "/api/v2/docs/"}


def template(pattern) -> str:
    text = str(pattern)
    return text.removeprefix("^").removesuffix("$") if isinstance(pattern, RegexPattern) else text


def served(patterns, prefix: str = ""):
    for pattern in patterns:
        route = prefix + template(pattern.pattern)
        if isinstance(pattern, URLResolver):
            yield from served(pattern.url_patterns, route)
        elif isinstance(pattern, URLPattern):
            yield route


def as_schema_path(route: str) -> str:
    path = "/" + re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", route)
    return path.replace("{pk}", "{id}")


def api_routes() -> set[str]:
    routes = [route for route in served(urls_tenant.urlpatterns) if route.startswith("api/")]
    # Only plain text compares with a schema path (Wagtail's router writes ``^pages/``).
    assert [r for r in routes if not re.fullmatch(r"[\w/.:<>-]*", r)] == [], "a regular expression"
    return {as_schema_path(route) for route in routes} - DESCRIBING_THE_API


def test_every_api_route_of_a_cpts_host_is_documented_and_only_those(alpha_client):
    schema = alpha_client.get("/api/v2/schema/", HTTP_ACCEPT="application/json").json()
    documented = set(schema["paths"])
    assert sorted(api_routes() - documented) == [], "served but not in the schema"
    assert sorted(documented - api_routes()) == [], "in the schema but not served"
    assert {"/api/v2/members/", "/api/v2/forms/{page_id}/", "/api/v2/pages/{id}/"} <= documented


def test_routes_are_written_as_the_schema_writes_paths():
    assert as_schema_path("api/v2/forms/<int:page_id>/") == "/api/v2/forms/{page_id}/"
    assert as_schema_path("api/v2/pages/<int:pk>/") == "/api/v2/pages/{id}/"
    assert as_schema_path("api/v2/<slug>/") == "/api/v2/{slug}/"
    assert "/api/v2/pages/{id}/" in api_routes() and "/api/v2/schema/" not in api_routes()
