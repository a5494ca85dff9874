"""What a front-end team needs besides pages: the site's settings and menu, and its redirects."""

from wagtail.contrib.redirects.models import Redirect
from wagtail.models import PageViewRestriction, Site

from content.models import HomePage
from content.services import standard_page_publish


def test_the_site_endpoint_gives_name_address_contact_and_the_themes_menu(alpha, beta, alpha_client):
    with alpha.context():
        home = HomePage.objects.get()
        shown = standard_page_publish(parent=home, title="L'association", body="<p>A</p>")
        standard_page_publish(parent=home, title="Mentions légales", body="<p>M</p>", show_in_menus=False)
        private = standard_page_publish(parent=home, title="Espace du bureau", body="<p>B</p>")
        PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    with beta.context():
        standard_page_publish(parent=HomePage.objects.get(), title="Chez Beta", body="<p>B</p>")

    response = alpha_client.get("/api/v2/site/")
    assert response.status_code == 200
    site = response.json()
    assert site["name"] == alpha.cpts.name and site["short_name"] == "alpha"
    assert site["url"] == f"http://{alpha.host}/"
    assert site["menu"] == [{"id": shown.pk, "title": "L'association", "url": "/lassociation/"}]
    # And the theme's own menu shows the same entries.
    assert 'href="/lassociation/"' in alpha_client.get("/").content.decode()


def test_the_redirects_endpoint_lists_this_hosts_redirects_with_their_status(alpha, beta, alpha_client):
    with alpha.context():
        home = HomePage.objects.get()
        target = standard_page_publish(parent=home, title="Projet de santé", body="<p>P</p>")
        Redirect.objects.create(old_path="/projet", redirect_page=target, site=Site.objects.get())
        Redirect.objects.create(
            old_path="/ancien-site", redirect_link="https://example.org/", is_permanent=False
        )
    with beta.context():
        Redirect.objects.create(old_path="/beta-seulement", redirect_link="https://example.org/b")

    redirects = alpha_client.get("/api/v2/redirects/").json()
    assert redirects == [
        {
            "old_path": "/ancien-site",
            "is_permanent": False,
            "status": 302,
            "location": "https://example.org/",
        },
        {"old_path": "/projet", "is_permanent": True, "status": 301, "location": "/projet-de-sante/"},
    ]


def test_an_image_block_gives_its_renditions_and_srcset_in_the_api_and_the_theme(
    alpha, alpha_client, settings, tmp_path
):
    import io

    from django.core.files.images import ImageFile
    from PIL import Image as PILImage
    from wagtail.images.models import Image

    from content.models import StandardPage
    from content.services import page_publish

    settings.MEDIA_ROOT = tmp_path
    buffer = io.BytesIO()
    PILImage.new("RGB", (1000, 500), (0, 90, 160)).save(buffer, format="PNG")
    with alpha.context():
        image = Image.objects.create(title="Locaux", file=ImageFile(buffer, name="locaux.png"))
        page = page_publish(
            parent=HomePage.objects.get(),
            page=StandardPage(
                title="Nos locaux",
                body=[("image", {"image": image, "alt_text": "La salle de formation", "caption": ""})],
            ),
        )

    block = alpha_client.get(f"/api/v2/pages/{page.pk}/").json()["body"][0]["value"]
    assert block["alt"] == "La salle de formation"
    # 1,000 px wide: 400 and 800, and the original width once (1,200 would upscale).
    assert [r["width"] for r in block["renditions"]] == [400, 800, 1000]
    assert all(r["url"].startswith(f"/media/{alpha.schema_name}/images/") for r in block["renditions"])
    assert block["srcset"].endswith(" 1000w") and " 400w, " in block["srcset"]

    html = alpha_client.get("/nos-locaux/").content.decode()
    assert 'srcset="' in html and 'alt="La salle de formation"' in html
