"""A CPTS's identity (colour, logo, favicon, share tags), its footer and its legal pages."""

import importlib
import io
import re

import pytest
from django.db import connection
from PIL import Image as PILImage
from wagtail.images.models import Image
from wagtail.models import Site
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from content.models import LegalPage, SiteIdentity
from content.services.identity import LEGAL_SLUGS
from tenants.services import cpts_update
from tests.conftest import login

pytestmark = pytest.mark.django_db

LEGAL_LINKS = ('href="/mentions-legales/"', 'href="/donnees-personnelles/"', 'href="/accessibilite/"')


def identity_form(**changes) -> dict:
    return {"primary_colour": "#000091", **changes}


def png(colour="#1d4f91", size=(300, 300)) -> io.BytesIO:
    data = io.BytesIO()
    PILImage.new("RGB", size, colour).save(data, "PNG")
    data.seek(0)
    data.name = "logo.png"
    return data


def test_a_colour_too_light_for_its_text_is_refused_in_french_and_a_good_one_shows_at_once(
    alpha, alpha_client
):
    login(alpha_client, alpha)
    before = alpha_client.get("/").content.decode()
    refused = alpha_client.post("/admin/identity/", identity_form(primary_colour="#3d9bff"))
    text = refused.content.decode()
    assert refused.status_code == 200
    assert "Couleur refusée : contraste de 2,86:1" in text and "WCAG AA" in text
    with alpha.context():
        assert SiteIdentity.objects.get().primary_colour == "#000091"  # nothing saved
    connection.set_schema_to_public()

    good = identity_form(primary_colour="#1d4f91", phone="03 87 00 00 00")
    saved = alpha_client.post("/admin/identity/", good)
    assert saved.status_code == 302
    after = alpha_client.get("/").content.decode()
    stylesheet = re.search(r'href="(/theme\.css\?v=\d+)"', after).group(1)
    assert stylesheet not in before  # a new address: browsers keep the old file no longer
    css = alpha_client.get(stylesheet)
    assert "--accent:#1d4f91" in css.content.decode() and "immutable" in css["Cache-Control"]
    assert 'href="tel:0387000000"' in after


def test_the_colour_rule_measures_every_place_the_theme_uses_it():
    from django.core.exceptions import ValidationError

    from content.colours import contrast_ratio, validate_primary_colour

    assert round(contrast_ratio("#000000", "#ffffff"), 1) == 21.0
    validate_primary_colour("#1d4f91")
    # Passes on white (4.6:1), fails on the footer's light grey (4.3:1).
    with pytest.raises(ValidationError, match="gris clair"):
        validate_primary_colour("#757575")
    with pytest.raises(ValidationError, match="6 chiffres"):
        validate_primary_colour("blue")


def test_the_logo_gives_the_favicon_and_the_share_image_and_pages_describe_themselves(
    alpha, alpha_client, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    login(alpha_client, alpha)
    uploaded = alpha_client.post(
        "/admin/images/add/", {"title": "Logo", "file": png(), "collection": "", "tags": ""}
    )
    assert uploaded.status_code == 302, uploaded.content[:500]
    with alpha.context():
        logo = Image.objects.get(title="Logo")
    connection.set_schema_to_public()
    assert alpha_client.post("/admin/identity/", identity_form(logo=logo.pk)).status_code == 302

    anonymous = type(alpha_client)(HTTP_HOST=alpha.host)
    home = anonymous.get("/").content.decode()
    icon = re.search(r'<link rel="icon" type="image/png" sizes="32x32" href="([^"]+)"', home).group(1)
    assert icon.startswith("/media/") and anonymous.get(icon)["Content-Type"] == "image/png"
    assert re.search(r'<meta property="og:image" content="http://[^"]+/media/[^"]+\.png">', home)
    assert '<meta name="twitter:card" content="summary">' in home
    assert '<meta property="og:title" content="CPTS Alpha">' in home
    assert re.search(r'<img class="brand-logo" src="/media/[^"]+" width="\d+" height="96" alt="">', home)
    legal = anonymous.get("/mentions-legales/").content.decode()
    assert '<meta name="description" content="Qui publie ce site' in legal


@pytest.mark.parametrize("where", ["alpha", "federation"])
def test_every_page_type_has_the_footer_with_the_three_legal_pages(
    where, alpha, alpha_client, federation_client
):
    legal = [f"/{slug}/" for slug in LEGAL_SLUGS.values()]
    if where == "alpha":
        client, paths = alpha_client, ["/", *legal, "/recherche/?q=x"]
    else:
        client = federation_client
        paths = ["/", "/stages/?q=kine", "/agenda/", "/actualites/", "/trouver-ma-cpts/", *legal]
    missing = "/pas-de-page/"
    for path in [*paths, missing]:
        response = client.get(path)
        assert response.status_code == (404 if path == missing else 200), path
        text = response.content.decode()
        assert all(link in text for link in LEGAL_LINKS), path
        assert '<meta name="description" content="' in text and 'rel="icon"' in text, path


def test_legal_pages_are_written_from_the_cpts_data_and_stay_editable(alpha, alpha_client):
    with alpha.context():
        site = Site.objects.get()
        SiteIdentity.objects.filter(site=site).update(host_name="Hébergeur Exemple SAS")
        pages = {page.kind: page for page in LegalPage.objects.live()}
    connection.set_schema_to_public()
    assert set(pages) == {"notice", "privacy", "accessibility"}
    notice = alpha_client.get("/mentions-legales/").content.decode()
    assert "CPTS Alpha" in notice and "LCEN" in notice and "art" in notice
    privacy = alpha_client.get("/donnees-personnelles/").content.decode()
    assert "articles 15 à 22" in privacy and "cnil.fr/fr/plaintes" in privacy
    for purpose in ("Formulaire de contact", "Demande d'adhésion", "Annuaire des adhérents", "Candidatures"):
        assert purpose in privacy
    accessibility = alpha_client.get("/accessibilite/").content.decode()
    assert "<b>non conforme</b>" in accessibility and "Défenseur des droits" in accessibility
    assert "axe-core" in accessibility and "RGAA 4.1" in accessibility
    # The name in apposition: « CPTS Alpha s'engage » lacked its article.
    assert "L'éditeur de ce site, CPTS Alpha, s'engage" in accessibility.replace("&#x27;", "'")

    login(alpha_client, alpha)
    page = pages["notice"]
    edit = alpha_client.get(f"/admin/pages/{page.pk}/edit/")
    assert edit.status_code == 200
    form = nested_form_data(
        {
            "title": "Mentions légales",
            "slug": "mentions-legales",
            "kind": "notice",
            "introduction": "Qui publie ce site.",
            "body": streamfield(
                [("paragraph", rich_text("<p>Éditeur : l'association, revu par le bureau.</p>"))]
            ),
            "action-publish": "publish",
        }
    )
    response = alpha_client.post(f"/admin/pages/{page.pk}/edit/", form)
    assert response.status_code == 302, response.content.decode()[:3000]
    assert "revu par le bureau" in alpha_client.get("/mentions-legales/").content.decode()


def test_a_cpts_made_before_legal_pages_gets_them_from_the_migration(alpha):
    migration = importlib.import_module("content.migrations.0014_legal_pages_for_existing_sites")
    with alpha.context():
        LegalPage.objects.all().delete()
        SiteIdentity.objects.all().delete()
        migration.provision(None, None)
        made = {page.kind: page for page in LegalPage.objects.live()}
        assert set(made) == {"notice", "privacy", "accessibility"}
        assert "CPTS Alpha" in str(made["notice"].body)
        assert made["privacy"].url_path.endswith("/donnees-personnelles/")


def test_the_demo_notice_is_one_line_on_every_page_and_whole_on_its_own(
    alpha, alpha_client, federation_client
):
    notice = "Cette CPTS est fictive. Ses chiffres viennent du recensement 2023."
    cpts_update(cpts=alpha.cpts, demo_notice=notice)
    for client in (alpha_client, federation_client):
        home = client.get("/").content.decode()
        line = re.search(r'<aside class="demo-notice"[^>]*>(.*?)</aside>', home, re.S).group(1)
        assert 'href="/demonstration/">En savoir plus' in line and notice not in home
        assert notice in client.get("/demonstration/").content.decode()
    cpts_update(cpts=alpha.cpts, demo_notice="")
    assert alpha_client.get("/demonstration/").status_code == 404
    assert "demo-notice" not in alpha_client.get("/").content.decode()


def test_a_cpts_theme_is_kept_per_process_and_every_change_to_it_shows_on_the_next_page(
    alpha, alpha_client, settings, django_capture_on_commit_callbacks
):
    """Kept under the schema's versions: read once, then anew after an identity, legal page or CPTS write.

    Routes kept as in production (their read brings the versions); answers are
    not kept, so each page is made and only the theme can come from memory.
    """
    from django.core.cache import cache
    from django.test.utils import CaptureQueriesContext

    settings.CPTS_ROUTING_CACHE_SECONDS = 300
    cache.clear()
    try:
        alpha_client.get("/")  # the route is kept
        alpha_client.get("/")  # the theme is kept, under the versions read with the route
        with CaptureQueriesContext(connection) as queries:
            assert alpha_client.get("/").status_code == 200
        read = " ".join(query["sql"] for query in queries.captured_queries)
        assert "content_siteidentity" not in read and "content_legalpage" not in read
        assert '"tenants_cpts"."demo_notice"' not in read

        login(alpha_client, alpha)
        with django_capture_on_commit_callbacks(execute=True):
            saved = alpha_client.post("/admin/identity/", identity_form(address="12 rue des Tilleuls"))
        assert saved.status_code == 302
        alpha_client.logout()
        assert "12 rue des Tilleuls" in alpha_client.get("/").content.decode()

        with django_capture_on_commit_callbacks(execute=True):
            cpts_update(cpts=alpha.cpts, demo_notice="Cette CPTS est fictive.")
        assert "demo-notice" in alpha_client.get("/").content.decode()

        with alpha.context(), django_capture_on_commit_callbacks(execute=True):
            LegalPage.objects.get(slug=LEGAL_SLUGS[LegalPage.Kind.ACCESSIBILITY]).unpublish()
        connection.set_schema_to_public()
        assert 'href="/accessibilite/"' not in alpha_client.get("/").content.decode()
    finally:
        cache.clear()
