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


def test_headless_preview_shows_the_draft_to_the_cpts_front_end_only(alpha, beta, alpha_client, beta_client):
    from content.models import HomePage
    from content.preview import preview_token
    from content.services import standard_page_publish

    with alpha.context():
        page = standard_page_publish(parent=HomePage.objects.get(), title="Publié", body="<p>v1</p>")
        page.title = "Brouillon"
        page.save_revision()  # a draft, not published
        token = preview_token(page=page.specific)

    draft = alpha_client.get("/api/v2/page_preview/", {"token": token})
    assert draft.status_code == 200
    assert draft.json()["title"] == "Brouillon"
    live = alpha_client.get(f"/api/v2/pages/{page.pk}/").json()
    assert live["title"] == "Publié"

    assert beta_client.get("/api/v2/page_preview/", {"token": token}).status_code == 404
    assert alpha_client.get("/api/v2/page_preview/", {"token": token + "x"}).status_code == 404


def test_page_editor_offers_a_front_end_preview_when_one_is_configured(alpha, alpha_client):
    from content.models import HomePage
    from tenants.services import cpts_update
    from tests.conftest import login

    login(alpha_client, alpha)
    with alpha.context():
        home_id = HomePage.objects.get().pk
    assert (
        "Aperçu sur le site public" not in alpha_client.get(f"/admin/pages/{home_id}/edit/").content.decode()
    )
    cpts_update(cpts=alpha.cpts, frontend_url="https://www.cpts-alpha.fr")
    page = alpha_client.get(f"/admin/pages/{home_id}/edit/").content.decode()
    assert "Aperçu sur le site public" in page
    assert "https://www.cpts-alpha.fr/preview?token=" in page
