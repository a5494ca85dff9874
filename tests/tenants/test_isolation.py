"""No CPTS can see another's pages, sessions or admin; unknown hosts see nothing."""

from django.test import Client

from content.models import HomePage
from content.services import standard_page_publish
from tests.conftest import login


def test_session_of_one_cpts_is_worthless_on_another(alpha, beta, alpha_client):
    login(alpha_client, alpha)
    assert alpha_client.get("/admin/").status_code == 200

    stolen = Client(HTTP_HOST=beta.host)
    stolen.cookies = alpha_client.cookies
    response = stolen.get("/admin/")
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_federation_admin_rejects_a_cpts_session(alpha, alpha_client):
    login(alpha_client, alpha)
    federation = Client(HTTP_HOST="localhost")
    federation.cookies = alpha_client.cookies
    response = federation.get("/admin/")
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_page_published_in_one_cpts_is_absent_from_the_other(alpha, beta, alpha_client, beta_client):
    with alpha.context():
        page = standard_page_publish(
            parent=HomePage.objects.get(),
            title="Dépistage du cancer colorectal",
            body="<p>Mars bleu</p>",
        )
        path = page.url_path.removeprefix("/accueil")

    alpha_titles = [p["title"] for p in alpha_client.get("/api/v2/pages/").json()["items"]]
    beta_titles = [p["title"] for p in beta_client.get("/api/v2/pages/").json()["items"]]
    assert "Dépistage du cancer colorectal" in alpha_titles
    assert "Dépistage du cancer colorectal" not in beta_titles

    assert alpha_client.get(path).status_code == 200
    assert beta_client.get(path).status_code == 404
    assert beta_client.get(f"/api/v2/pages/{page.pk}/").status_code == 404


def test_each_host_serves_its_own_home_page(alpha, beta, alpha_client, beta_client):
    assert alpha.cpts.name.encode() in alpha_client.get("/").content
    assert beta.cpts.name.encode() in beta_client.get("/").content
    assert alpha.cpts.name.encode() not in beta_client.get("/").content


def test_unknown_host_gets_404_not_another_site(network, db):
    response = Client(HTTP_HOST="inconnue.localhost").get("/")
    assert response.status_code == 404
    for tenant in network.values():
        assert tenant.cpts.name.encode() not in response.content


def test_host_is_matched_case_insensitively_and_without_port(alpha):
    response = Client(HTTP_HOST=f"{alpha.host.upper()}:8000").get("/")
    assert response.status_code == 200
    assert alpha.cpts.name.encode() in response.content


def test_forwarded_host_header_is_not_trusted(alpha, beta):
    response = Client(HTTP_HOST=beta.host, HTTP_X_FORWARDED_HOST=alpha.host).get("/")
    assert beta.cpts.name.encode() in response.content
    assert alpha.cpts.name.encode() not in response.content


def test_federation_host_has_no_wagtail(federation_client):
    assert federation_client.get("/api/v2/pages/").status_code == 404
    assert federation_client.get("/documents/").status_code == 404
