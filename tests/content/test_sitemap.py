"""sitemap.xml and robots.txt: each CPTS host lists its own live, public pages, under its own host."""

from wagtail.models import PageViewRestriction

from content.models import HomePage, StandardPage
from content.services import standard_page_publish


def test_a_cpts_sitemap_lists_its_own_public_live_pages_under_its_host(alpha, beta, alpha_client):
    with alpha.context():
        home = HomePage.objects.get()
        standard_page_publish(parent=home, title="Projet de santé", body="<p>Texte</p>")
        private = standard_page_publish(parent=home, title="Compte rendu du bureau", body="<p>Interne</p>")
        PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
        home.add_child(instance=StandardPage(title="Brouillon", live=False))
    with beta.context():
        standard_page_publish(parent=HomePage.objects.get(), title="Page de Beta", body="<p>B</p>")

    response = alpha_client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    sitemap = response.content.decode()
    assert f"<loc>http://{alpha.host}/projet-de-sante/</loc>" in sitemap
    assert f"<loc>http://{alpha.host}/</loc>" in sitemap
    assert "compte-rendu-du-bureau" not in sitemap  # private
    assert "brouillon" not in sitemap  # draft
    assert "page-de-beta" not in sitemap and beta.host not in sitemap


def test_robots_txt_names_the_hosts_sitemap_and_keeps_crawlers_out_of_admin_and_apis(
    alpha, alpha_client, federation_client
):
    robots = alpha_client.get("/robots.txt")
    assert robots.status_code == 200
    assert robots["Content-Type"].startswith("text/plain")
    lines = robots.content.decode().splitlines()
    assert "Disallow: /admin/" in lines and "Disallow: /api/" in lines
    assert f"Sitemap: http://{alpha.host}/sitemap.xml" in lines

    federation = federation_client.get("/robots.txt").content.decode().splitlines()
    assert "Disallow: /admin/" in federation
    assert not any(line.startswith("Sitemap:") for line in federation)
