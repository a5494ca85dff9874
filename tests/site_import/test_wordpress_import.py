"""A CPTS brings its WordPress site in: dry run, import, re-import, old addresses, hostile HTML.

The export is a real WordPress's (fixtures/wordpress/make_export.sh regenerates it).
"""

import json
import zipfile
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from wagtail.contrib.redirects.models import Redirect
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page

from content.models import StandardPage
from content.models.pages import EventPage, NewsArticlePage
from site_import.models import ImportedItem
from tests.conftest import login

FIXTURES = Path(__file__).parent / "fixtures" / "wordpress"
EXPORT = FIXTURES / "cpts-val-fictif.wxr.xml"
UPLOADS = FIXTURES / "uploads.zip"


def run(alpha, *args, export=EXPORT, uploads=UPLOADS) -> dict:
    from io import StringIO

    out = StringIO()
    call_command(
        "import_site",
        alpha.cpts.short_name,
        str(export),
        "--uploads",
        str(uploads),
        "--json",
        *args,
        stdout=out,
    )
    return json.loads(out.getvalue())


def line(report: dict, title: str) -> dict:
    return next(item for item in report["items"] if item["title"] == title)


def test_a_dry_run_says_what_would_happen_and_writes_nothing(alpha):
    report = run(alpha)
    assert report["dry_run"] is True
    counts = report["counts"]
    assert counts["page"]["create"] == 7  # six published, one private (as a draft)
    assert counts["news"]["create"] == 5
    assert counts["event"]["create"] == 1
    assert counts["image"]["create"] == 3
    assert counts["document"]["create"] == 2
    skipped = {item["title"]: item["notes"] for item in report["items"] if item["action"] == "skip"}
    assert skipped["Article supprimé"] == ["à la corbeille dans WordPress"]
    assert "lieu d'événement" in skipped["Salle polyvalente (fictive)"][0]
    assert "code court WordPress [contact-form-7]" in " ".join(line(report, "Contact")["notes"])
    assert "importée en brouillon" in " ".join(line(report, "Espace adhérents")["notes"])
    assert report["redirects"] > 20
    with alpha.context():
        assert not StandardPage.objects.filter(title="Gouvernance").exists()
        assert not ImportedItem.objects.exists()
        assert not Redirect.objects.exists()
        assert not get_image_model().objects.filter(title="Affiche dépistage").exists()


def test_the_imported_site_is_browsable_and_its_old_addresses_redirect(alpha, alpha_client):
    report = run(alpha, "--apply")
    assert report["dry_run"] is False
    assert not [item for item in report["items"] if item["action"] == "fail"]

    governance = alpha_client.get("/qui-sommes-nous/gouvernance/")
    assert governance.status_code == 200
    assert "Le bureau compte six membres" in governance.content.decode()
    # The former site's permalinks, ?p= and ?page_id= addresses, and its files.
    for old, new in [
        ("/2026/03/campagne-depistage-colorectal/", "/actualites/campagne-depistage-colorectal/"),
        ("/?p=16", "/actualites/assemblee-generale-2026/"),
        ("/?page_id=7", "/nos-missions/acces-aux-soins/"),
        ("/evenement/soiree-iatrogenie/", "/agenda/soiree-iatrogenie/"),
    ]:
        response = alpha_client.get(old)
        assert response.status_code == 301, old
        assert response["Location"].endswith(new), (old, response["Location"])
    statutes = alpha_client.get("/wp-content/uploads/2025/09/statuts-cpts.pdf")
    assert statutes.status_code == 301
    assert alpha_client.get(statutes["Location"]).status_code == 200

    # Links in the text now point to Wagtail's pages and documents.
    campaign = alpha_client.get("/actualites/campagne-depistage-colorectal/").content.decode()
    assert 'href="/nos-missions/"' in campaign
    assert 'href="/actualites/assemblee-generale-2026/"' in campaign
    assert "L&#x27;affiche de la campagne" in campaign or "L'affiche de la campagne" in campaign
    documents = alpha_client.get(line(report, "Documents")["url"]).content.decode()
    assert documents.count('href="/documents/') == 2  # both PDFs, served by Wagtail now

    with alpha.context():
        article = NewsArticlePage.objects.get(slug="campagne-depistage-colorectal")
        assert sorted(article.tags.names()) == ["Prévention", "cancer", "dépistage"]
        assert article.author == "Coordination de la CPTS"
        assert str(article.date) == "2026-03-02"
        assert article.first_published_at.year == 2026 and article.first_published_at.month == 3
        assert [block.block_type for block in article.body][:1] == ["image"]
        assert not NewsArticlePage.objects.get(slug="journee-prevention-chutes").live
        assert not StandardPage.objects.get(slug="espace-adherents").live
        event = EventPage.objects.get(slug="soiree-iatrogenie")
        assert event.place == "Salle polyvalente (fictive)"
        assert event.start.isoformat() == "2026-12-10T18:00:00+00:00"
        assert get_image_model().objects.filter(collection__name__startswith="Import wordpress").count() == 3

    api = alpha_client.get(
        "/api/v2/pages/", {"type": "content.NewsArticlePage", "fields": "tags,author", "order": "title"}
    ).json()
    titles = {item["title"]: item for item in api["items"]}
    assert titles["Lancement de la campagne de dépistage du cancer colorectal"]["tags"]
    assert "Journée prévention des chutes (brouillon)" not in titles  # a draft stays a draft


def test_importing_the_same_export_again_updates_and_never_duplicates(alpha, tmp_path):
    run(alpha, "--apply")
    again = run(alpha, "--apply")
    assert {item["action"] for item in again["items"] if item["action"] != "skip"} == {"unchanged"}
    changed = tmp_path / "export.xml"
    changed.write_text(
        EXPORT.read_text().replace("Le bureau compte six membres", "Le bureau compte sept membres")
    )
    third = run(alpha, "--apply", export=changed)
    assert line(third, "Gouvernance")["action"] == "update"
    with alpha.context():
        assert StandardPage.objects.filter(title="Gouvernance").count() == 1
        assert "sept membres" in str(StandardPage.objects.get(title="Gouvernance").body)
        assert NewsArticlePage.objects.filter(slug="campagne-depistage-colorectal").count() == 1
        assert get_document_model().objects.filter(title="Statuts").count() == 1


def test_script_content_never_reaches_a_page(alpha, alpha_client):
    report = run(alpha, "--apply")
    notes = " ".join(line(report, "Article repris d'un ancien site")["notes"])
    assert "élément(s) actif(s) retiré(s)" in notes
    assert "cadre intégré (iframe)" in notes
    page = alpha_client.get("/actualites/article-ancien-site/").content.decode()
    assert "Le texte qui doit rester." in page
    for active in ("document.cookie", "attaquant.example", "onerror", "onclick", "javascript:", "alert("):
        assert active not in page, active
    api = alpha_client.get(
        "/api/v2/pages/", {"slug": "article-ancien-site", "fields": "body"}
    ).content.decode()
    for active in ("document.cookie", "onerror", "javascript:", "<script"):
        assert active not in api, active
    with alpha.context():
        stored = str(NewsArticlePage.objects.get(slug="article-ancien-site").body.raw_data)
    assert "<script" not in stored and "onerror" not in stored and "javascript:" not in stored


def test_a_truncated_or_foreign_file_is_refused_in_french_and_nothing_is_imported(alpha, tmp_path):
    truncated = tmp_path / "tronque.xml"
    data = EXPORT.read_bytes()
    truncated.write_bytes(data[: len(data) // 2])
    with pytest.raises(CommandError, match="probablement tronqué"):
        run(alpha, "--apply", export=truncated)
    foreign = tmp_path / "pages.json"
    foreign.write_text('[{"title": "une page"}]')
    with pytest.raises(CommandError, match="n'est pas un export reconnu"):
        run(alpha, "--apply", export=foreign)
    bomb = tmp_path / "entites.xml"
    bomb.write_text(
        '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaa">]>'
        '<rss xmlns:wp="http://wordpress.org/export/1.2/"><channel><title>&a;</title></channel></rss>'
    )
    with pytest.raises(CommandError, match="entités ou DTD"):
        run(alpha, "--apply", export=bomb)
    with alpha.context():
        assert not ImportedItem.objects.exists()
        assert not Page.objects.filter(title="Gouvernance").exists()


def test_a_file_missing_or_unreadable_fails_alone(alpha, tmp_path):
    """The statutes are missing from the ZIP, a picture is not an image: both reported, the rest stands."""
    uploads = tmp_path / "uploads.zip"
    with zipfile.ZipFile(UPLOADS) as source, zipfile.ZipFile(uploads, "w") as copy:
        for info in source.infolist():
            if info.filename.endswith("statuts-cpts.pdf"):
                continue
            data = b"not an image" if info.filename.endswith("assemblee.jpg") else source.read(info)
            copy.writestr(info, data)
    with pytest.raises(CommandError, match="1 élément"):
        run(alpha, "--apply", uploads=uploads)
    with alpha.context():
        items = {row.key: row for row in ImportedItem.objects.all()}
        assert get_document_model().objects.filter(title="Statuts").count() == 0
        assert get_image_model().objects.filter(title="Salle de réunion").count() == 0
        assert StandardPage.objects.filter(title="Documents").exists()
        assert len(items) == 16  # 18 items, less the missing file and the unreadable picture


def test_the_admin_screen_simulates_then_imports(alpha, alpha_client, settings):
    login(alpha_client, alpha)
    assert "Importer un site" in alpha_client.get("/admin/site-import/").content.decode()

    def post(button: str):
        with EXPORT.open("rb") as export, UPLOADS.open("rb") as uploads:
            return alpha_client.post(
                "/admin/site-import/", {"export": export, "uploads": uploads, button: "1"}
            )

    simulated = post("simulate").content.decode()
    assert (
        "Simulation : rien n&#x27;a été écrit" in simulated or "Simulation : rien n'a été écrit" in simulated
    )
    assert "code court WordPress [contact-form-7]" in simulated
    with alpha.context():
        assert not ImportedItem.objects.exists()
    imported = post("import")
    assert imported.status_code == 200
    assert "Import terminé" in imported.content.decode()
    assert alpha_client.get("/nos-missions/").status_code == 200

    settings.CPTS_IMPORT_MAX_BYTES = 10_000
    refused = post("import")
    assert refused.status_code == 413
    assert "Envoi refusé : il dépasse" in refused.content.decode()


def test_the_screen_is_for_administrators_only(alpha, alpha_client):
    assert alpha_client.get("/admin/site-import/").status_code == 302  # to the sign-in page


def test_imported_pages_and_images_are_found_by_search_once_imported(alpha, alpha_client):
    from wagtail.search.backends import get_search_backend

    run(alpha, "--apply")
    # The page bodies were indexed together at the end of the import, not at each of their saves.
    found = alpha_client.get("/api/v2/pages/?search=bureau&fields=title").json()
    assert "Gouvernance" in [page["title"] for page in found["items"]]
    with alpha.context():
        images = get_search_backend().search("dépistage", get_image_model())
        assert "Affiche dépistage" in [image.title for image in images]
