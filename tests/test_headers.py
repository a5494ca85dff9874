"""Security headers on both hosts, and Django's deployment checklist with the production settings."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_public_pages_are_served_under_an_enforced_strict_policy(alpha_client, federation_client):
    for client, path in [(alpha_client, "/"), (federation_client, "/"), (federation_client, "/stages/")]:
        response = client.get(path)
        assert response.status_code == 200, path
        policy = response["Content-Security-Policy"]
        assert "script-src 'self'" in policy and "object-src 'none'" in policy
        assert "unsafe-inline" not in policy
        assert response["Permissions-Policy"].startswith("camera=()")
        assert response["X-Content-Type-Options"] == "nosniff"
        # The theme itself has nothing the policy would block: no inline script or style.
        page = response.content.decode()
        assert "<script" not in page and "style=" not in page and "<style" not in page


class FailingMiddleware:
    """A middleware that fails before the headers' middleware runs, as a cache or database away does."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        raise RuntimeError("cache away")


def _strict(response) -> bool:
    policy = response.get("Content-Security-Policy", "")
    return (
        "script-src 'self'" in policy and "unsafe-inline" not in policy and "Permissions-Policy" in response
    )


def test_error_pages_carry_the_policy_whatever_fails(alpha, federation_client, settings):
    from django.test import Client

    unknown_host = Client(HTTP_HOST="inconnue.localhost").get("/")
    assert unknown_host.status_code == 404 and _strict(unknown_host)
    nul_byte = federation_client.get("/stages/?q=%00")
    assert nul_byte.status_code == 400 and _strict(nul_byte)
    not_found = Client(HTTP_HOST=alpha.host).get("/absente/")
    assert not_found.status_code == 404 and _strict(not_found)
    assert "Page introuvable" in not_found.content.decode()
    # A failure in a middleware ahead of the headers' own: the 500 page, in French, under the policy.
    settings.MIDDLEWARE = [
        settings.MIDDLEWARE[0],
        "tests.test_headers.FailingMiddleware",
        *settings.MIDDLEWARE[1:],
    ]
    for host in ("localhost", alpha.host):
        failed = Client(HTTP_HOST=host, raise_request_exception=False).get("/")
        assert failed.status_code == 500 and _strict(failed), host
        assert "Une erreur s'est produite" in failed.content.decode()


def test_the_admins_are_served_under_the_same_enforced_policy(alpha_client, federation_client):
    for client in (alpha_client, federation_client):
        response = client.get("/admin/login/")
        assert "script-src 'self'" in response["Content-Security-Policy"]
        assert "Content-Security-Policy-Report-Only" not in response


def test_only_the_redoc_pages_get_the_policy_as_report_only(alpha_client, federation_client):
    for client, path in [(alpha_client, "/api/v2/docs/"), (federation_client, "/api/network/docs/")]:
        response = client.get(path)
        assert response.status_code == 200
        assert "Content-Security-Policy" not in response
        assert "script-src 'self'" in response["Content-Security-Policy-Report-Only"]
    schema = alpha_client.get("/api/v2/schema/")
    assert "script-src 'self'" in schema["Content-Security-Policy"]


def test_the_api_docs_load_redoc_from_the_install_and_nothing_from_a_third_party(
    alpha_client, federation_client
):
    """They used to load Redoc « latest » from a CDN and fonts from Google: blank offline, and told them."""
    from django.contrib.staticfiles import finders

    for client, path in [(alpha_client, "/api/v2/docs/"), (federation_client, "/api/network/docs/")]:
        page = client.get(path).content.decode()
        assert "https://" not in page and "http://" not in page
        assert "/static/drf_spectacular_sidecar/redoc/bundles/redoc.standalone.js" in page
    assert finders.find("drf_spectacular_sidecar/redoc/bundles/redoc.standalone.js")


def test_the_deployment_checklist_passes_with_the_production_settings(db, tmp_path):
    from django.db import connection

    from tests.conftest import server_url

    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(64),
        "ALLOWED_HOSTS": ".cpts.example.org,federation.example.org",
        "FEDERATION_HOSTS": "federation.example.org",
        "CPTS_DATA_DIR": str(tmp_path),
        # drf-spectacular's check builds the API schemas, which reads the database.
        "DATABASE_URL": server_url(connection.settings_dict["NAME"]),
    }
    done = subprocess.run(  # noqa: S603 - our own manage.py, fixed arguments
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    assert "no issues" in done.stdout
