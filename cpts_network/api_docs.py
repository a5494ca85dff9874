"""The Redoc pages of both APIs, the one place the CSP is report-only.

drf-spectacular's Redoc page starts Redoc with an inline script and Redoc
injects its styles: under the enforced policy it would render nothing. Its
violations are reported to the browser's console instead, and the page itself
holds no data (it reads the OpenAPI schema, which is served enforced). Redoc
comes from the install's static files (drf-spectacular-sidecar) and the page
asks no font of Google: it works offline and tells no third party who reads it.
"""

from collections.abc import Callable

from csp.decorators import csp, csp_exempt
from django.conf import settings
from drf_spectacular.views import SpectacularRedocView


def redoc_view(schema_url_name: str) -> Callable:
    view = SpectacularRedocView.as_view(url_name=schema_url_name, template_name="cpts_network/redoc.html")
    report_only = csp(settings.CONTENT_SECURITY_POLICY["DIRECTIVES"], REPORT_ONLY=True)
    return csp_exempt()(report_only(view))
