"""A CPTS's API: CORS for its own front ends only, one schema, one error format."""

from tenants.services import cpts_update


def test_cors_answers_only_the_cpts_configured_origins(alpha, beta, alpha_client, beta_client):
    cpts_update(cpts=alpha.cpts, frontend_origins=["https://www.cpts-alpha.fr"])
    allowed = alpha_client.get("/api/v2/pages/", HTTP_ORIGIN="https://www.cpts-alpha.fr")
    assert allowed["Access-Control-Allow-Origin"] == "https://www.cpts-alpha.fr"
    other = alpha_client.get("/api/v2/pages/", HTTP_ORIGIN="https://evil.example")
    assert "Access-Control-Allow-Origin" not in other
    # Alpha's front end gets nothing from Beta's API.
    cross = beta_client.get("/api/v2/pages/", HTTP_ORIGIN="https://www.cpts-alpha.fr")
    assert "Access-Control-Allow-Origin" not in cross


def test_openapi_schema_documents_the_cpts_endpoints(alpha_client):
    response = alpha_client.get("/api/v2/schema/", HTTP_ACCEPT="application/json")
    assert response.status_code == 200
    paths = response.json()["paths"]
    for path in ("/api/v2/territory/", "/api/v2/governance/", "/api/v2/missions/", "/api/v2/funding/"):
        assert path in paths
    assert response.json()["info"]["title"] == "API d'une CPTS"


def test_funding_without_contract_is_a_json_404(alpha_client):
    body = alpha_client.get("/api/v2/funding/").json()
    assert body["error"]["status"] == 404
    assert "contrat" in body["error"]["message"]
