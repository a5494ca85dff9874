"""A CPTS brings its Plone site in: dry run, import, re-import, old addresses, hostile HTML.

The export is a real Plone 6.1's, made by plone.exportimport (fixtures/plone/make_export.sh
regenerates it from a Plone installed from PyPI).
"""

import json
import zipfile
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from wagtail.contrib.redirects.models import Redirect
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from content.models import StandardPage
from content.models.pages import EventPage, NewsArticlePage
from site_import.models import ImportedItem
from tests.conftest import login

EXPORT = Path(__file__).parent / "fixtures" / "plone" / "cpts-coteaux-fictifs.zip"


def run(alpha, *args, export=EXPORT) -> dict:
    out = StringIO()
    call_command("import_site", alpha.cpts.short_name, str(export), "--json", *args, stdout=out)
    return json.loads(out.getvalue())


def line(report: dict, title: str) -> dict:
    return next(item for item in report["items"] if item["title"] == title)


def rewritten(export: Path, target: Path, change) -> Path:
    """A copy of the export where ``change(name, data)`` gives each member's new bytes (None drops it)."""
    with zipfile.ZipFile(export) as source, zipfile.ZipFile(target, "w") as copy:
        for info in source.infolist():
            data = change(info.filename, source.read(info))
            if data is not None:
                copy.writestr(info, data)
    return target


def test_a_dry_run_of_a_plone_export_says_what_would_happen_and_writes_nothing(alpha):
    report = run(alpha)
    assert report["dry_run"] is True
    counts = report["counts"]
    # Pages: the folder « Qui sommes-nous ? » (with its default page), Gouvernance, Nos missions,
    # Contact, Mentions légales, and Espace adhérents (private: as a draft).
    assert counts["page"]["create"] == 6
    assert counts["news"]["create"] == 4
    assert counts["event"]["create"] == 1
    assert counts["image"]["create"] == 3  # two Images and one news item's lead image
    assert counts["document"]["create"] == 2
    skipped = {item["title"]: item["notes"] for item in report["items"] if item["action"] == "skip"}
    assert "page par défaut du dossier « Qui sommes-nous ? »" in skipped["Notre territoire"][0]
    assert "https://annuaire.sante.fr/" in skipped["Annuaire santé"][0]
    assert "dossier sans pages" in skipped["Images"][0]
    assert "privé dans Plone" in " ".join(line(report, "Espace adhérents")["notes"])
    assert "cadre intégré (iframe)" in " ".join(line(report, "Contact")["notes"])
    assert report["redirects"] > 20
    with alpha.context():
        assert not StandardPage.objects.filter(title="Gouvernance").exists()
        assert not ImportedItem.objects.exists()
        assert not Redirect.objects.exists()


def test_the_imported_plone_site_is_browsable_and_its_old_addresses_redirect(alpha, alpha_client):
    report = run(alpha, "--apply")
    assert not [item for item in report["items"] if item["action"] == "fail"]

    folder = alpha_client.get("/qui-sommes-nous/")
    assert folder.status_code == 200
    assert "Quinze communes imaginaires" in folder.content.decode()  # the folder's default page
    assert alpha_client.get("/qui-sommes-nous/gouvernance/").status_code == 200
    for old, new in [
        ("/qui-sommes-nous/notre-territoire", "/qui-sommes-nous/"),
        ("/qui-sommes-nous/gouvernance/view", "/qui-sommes-nous/gouvernance/"),
        ("/actualites/assemblee-generale-2026", "/actualites/assemblee-generale-2026/"),
        ("/agenda/soiree-iatrogenie", "/agenda/soiree-iatrogenie/"),
    ]:
        response = alpha_client.get(old)
        assert response.status_code == 301, old
        assert response["Location"].endswith(new), (old, response["Location"])
    statutes = alpha_client.get("/documents/statuts.pdf/@@download/file/statuts.pdf")
    assert statutes.status_code == 301
    assert alpha_client.get(statutes["Location"]).status_code == 200

    # resolveuid links now point to Wagtail's pages and documents; the inline image is an image block.
    campaign = alpha_client.get("/actualites/campagne-depistage-colorectal/").content.decode()
    assert 'href="/nos-missions/"' in campaign
    assert 'href="/actualites/assemblee-generale-2026/"' in campaign
    assert "resolveuid" not in campaign
    missions = alpha_client.get("/nos-missions/").content.decode()
    assert 'href="/qui-sommes-nous/"' in missions  # the default page's link lands on its folder
    assert 'href="/documents/' in missions

    with alpha.context():
        assembly = NewsArticlePage.objects.get(slug="assemblee-generale-2026")
        assert assembly.author == "Secrétariat (fictif)"
        assert sorted(assembly.tags.names()) == ["vie de la CPTS"]
        assert str(assembly.date) == "2026-06-20"
        assert [block.block_type for block in assembly.body][:1] == ["image"]  # its lead image
        campaign_page = NewsArticlePage.objects.get(slug="campagne-depistage-colorectal")
        assert [block.block_type for block in campaign_page.body][:1] == ["image"]
        assert not NewsArticlePage.objects.get(slug="journee-prevention-chutes").live
        assert not StandardPage.objects.get(slug="espace-adherents").live
        governance = StandardPage.objects.get(slug="gouvernance")
        assert governance.get_parent().slug == "qui-sommes-nous"
        event = EventPage.objects.get(slug="soiree-iatrogenie")
        assert event.place == "Salle polyvalente (fictive)"
        assert event.start.isoformat() == "2026-12-10T18:00:00+00:00"
        assert get_image_model().objects.filter(collection__name__startswith="Import plone").count() == 3

    api = alpha_client.get(
        "/api/v2/pages/", {"type": "content.NewsArticlePage", "fields": "tags,author", "order": "title"}
    ).json()
    titles = {item["title"]: item for item in api["items"]}
    assert titles["Lancement de la campagne de dépistage du cancer colorectal"]["tags"]
    assert "Journée prévention des chutes (brouillon)" not in titles


def test_importing_the_same_plone_export_again_updates_and_never_duplicates(alpha, tmp_path):
    run(alpha, "--apply")
    again = run(alpha, "--apply")
    assert {item["action"] for item in again["items"] if item["action"] != "skip"} == {"unchanged"}
    changed = rewritten(
        EXPORT,
        tmp_path / "changed.zip",
        lambda name, data: (
            data.replace(b"six membres", b"sept membres") if name.endswith("data.json") else data
        ),
    )
    third = run(alpha, "--apply", export=changed)
    assert line(third, "Gouvernance")["action"] == "update"
    with alpha.context():
        assert StandardPage.objects.filter(title="Gouvernance").count() == 1
        assert "sept membres" in str(StandardPage.objects.get(title="Gouvernance").body)
        assert get_document_model().objects.filter(title="Statuts").count() == 1


def test_script_content_from_plone_never_reaches_a_page(alpha, alpha_client):
    report = run(alpha, "--apply")
    assert "élément(s) actif(s) retiré(s)" in " ".join(
        line(report, "Article repris d'un ancien site")["notes"]
    )
    page = alpha_client.get("/actualites/article-ancien-site/").content.decode()
    assert "Le texte qui doit rester." in page
    for active in ("document.cookie", "attaquant.example", "onerror", "onclick", "javascript:", "alert("):
        assert active not in page, active
    with alpha.context():
        stored = str(NewsArticlePage.objects.get(slug="article-ancien-site").body.raw_data)
    assert "<script" not in stored and "onerror" not in stored and "javascript:" not in stored


def test_a_truncated_or_incomplete_plone_export_is_refused_and_a_missing_file_fails_alone(alpha, tmp_path):
    truncated = tmp_path / "tronque.zip"
    truncated.write_bytes(EXPORT.read_bytes()[: EXPORT.stat().st_size // 2])
    with pytest.raises(CommandError, match="probablement tronquée"):
        run(alpha, "--apply", export=truncated)
    foreign = rewritten(
        EXPORT, tmp_path / "autre.zip", lambda name, data: None if "__metadata__" in name else data
    )
    with pytest.raises(CommandError, match="pas un export Plone"):
        run(alpha, "--apply", export=foreign)
    with alpha.context():
        assert not ImportedItem.objects.exists()

    no_statutes = rewritten(
        EXPORT,
        tmp_path / "sans-statuts.zip",
        lambda name, data: None if name.endswith("statuts.pdf") else data,
    )
    report = run(alpha, "--apply", export=no_statutes)
    assert "absent" in " ".join(line(report, "Statuts")["notes"])
    with alpha.context():
        assert not get_document_model().objects.filter(title="Statuts").exists()
        assert StandardPage.objects.filter(title="Gouvernance").exists()


def test_the_admin_screen_imports_a_plone_export(alpha, alpha_client):
    login(alpha_client, alpha)
    screen = alpha_client.get("/admin/site-import/").content.decode()
    # Each field's help is read out with it: the input names the paragraph that holds it.
    assert 'aria-describedby="id_export_helptext"' in screen and 'id="id_export_helptext"' in screen

    def post(button: str):
        with EXPORT.open("rb") as export:
            return alpha_client.post("/admin/site-import/", {"export": export, button: "1"})

    simulated = post("simulate").content.decode()
    assert "Annuaire santé" in simulated
    with alpha.context():
        assert not ImportedItem.objects.exists()
    assert "Import terminé" in post("import").content.decode()
    assert alpha_client.get("/qui-sommes-nous/gouvernance/").status_code == 200
