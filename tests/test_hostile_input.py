"""Shapes of input that used to answer 500: huge integers, NUL bytes, long word lists.

Each is asked through the full stack with the right Host header. Under
``/api/`` the answer is a 400 in the one JSON error format; elsewhere a French
page. A 500 under ``/api/`` is JSON even with ``DEBUG=True``.
"""

import pytest

from tests.conftest import login

HUGE = "9223372036854775807"
BEYOND_BIGINT = "99999999999999999999999"
WORDS = " ".join(f"mot{i}" for i in range(300))


def assert_json_400(response) -> None:
    assert response.status_code == 400, (response.status_code, response.content[:300])
    error = response.json()["error"]
    assert error["status"] == 400 and error["message"]


@pytest.mark.parametrize(
    "path",
    [
        f"/api/network/campaigns/?page={HUGE}",
        f"/api/network/internships/?page={HUGE}",
        "/api/network/coverage/regions/4%004/",
        "/api/network/coverage/departments/5%007/",
        "/api/network/internships/?q=kin%00e",
        "/api/network/campaigns/?theme=a%00b",
    ],
)
def test_network_api_answers_400_in_json(path, federation_client):
    assert_json_400(federation_client.get(path))


@pytest.mark.parametrize(
    "path",
    [
        "/api/v2/pages/?search=sant%00e",
        "/api/v2/pages/?locale=f%00r",
        "/api/v2/pages/find/?html_path=/a%00b/",
        f"/api/v2/pages/?offset={BEYOND_BIGINT}",
        f"/api/v2/pages/?limit={BEYOND_BIGINT}",
        f"/api/v2/images/?offset={BEYOND_BIGINT}",
        f"/api/v2/documents/?offset={BEYOND_BIGINT}",
        "/api/v2/pages/?search=" + WORDS,
        "/api/v2/images/?search=" + WORDS,
    ],
)
def test_cpts_api_answers_400_in_json(path, alpha_client):
    assert_json_400(alpha_client.get(path))


@pytest.mark.parametrize("path", ["/recherche/?q=sant%00e", "/stages/?q=kin%00e", "/%00/"])
def test_pages_answer_a_french_400(path, alpha_client, federation_client):
    client = federation_client if path.startswith("/stages/") else alpha_client
    response = client.get(path)
    assert response.status_code == 400
    assert "Requête invalide" in response.content.decode()


def test_federation_admin_lists_refuse_odd_pages_with_a_400(federation_staff_client):
    for path in [
        f"/admin/campaigns/?page={HUGE}",
        "/admin/coverage/?region=4%004",
        f"/admin/tenants/cpts/?p={HUGE}",
    ]:
        response = federation_staff_client.get(path)
        assert response.status_code in (200, 302, 400), (path, response.status_code)


def test_cpts_admin_survives_odd_input(alpha, alpha_client):
    login(alpha_client, alpha)
    for path in ["/admin/pages/search/?q=a%00b", f"/admin/pages/?p={HUGE}", "/admin/territory/?q=a%00"]:
        response = alpha_client.get(path)
        assert response.status_code < 500, (path, response.status_code)


def test_a_server_error_under_api_is_json_even_in_debug(alpha_client, settings, monkeypatch):
    from content import apis

    def broken(self, request):
        raise RuntimeError("boom")

    settings.DEBUG = True
    monkeypatch.setattr(apis.GovernanceApi, "get", broken)
    alpha_client.raise_request_exception = False
    response = alpha_client.get("/api/v2/governance/")
    assert response.status_code == 500
    assert response["Content-Type"].startswith("application/json")
    assert response.json()["error"]["code"] == "server_error"
    assert "boom" not in response.content.decode()
