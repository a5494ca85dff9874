"""cpts_archive dumps before it drops; cpts_restore gives the CPTS back.

pg_dump reads through its own connection, so these tests cannot run inside
the usual rolled-back transaction: their CPTS is committed, and the fixture
removes whatever is left of it afterwards.
"""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.images import ImageFile
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django_tenants.utils import schema_context, schema_exists
from PIL import Image as PILImage
from wagtail.images.models import Image

from content.models import HomePage
from content.services import standard_page_publish
from tenants.models import CPTS, CPTSArchive, Domain
from tenants.public_copies import public_copies_withdraw
from tenants.services import cpts_archive, cpts_create, cpts_restore


def _remove_leftovers() -> None:
    # Its public copies first: the coverage counters of its communes go back down.
    for leftover in CPTS.objects.filter(short_name="ephemere"):
        public_copies_withdraw(leftover)
    CPTS.objects.filter(short_name="ephemere").delete()
    CPTSArchive.objects.filter(short_name="ephemere").delete()
    with connection.cursor() as cursor:
        cursor.execute("DROP SCHEMA IF EXISTS ephemere CASCADE")


@pytest.fixture
def doomed(network, django_db_blocker, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.CPTS_ARCHIVE_DIR = tmp_path / "archives"
    with django_db_blocker.unblock():
        cpts = cpts_create(
            name="CPTS Éphémère",
            short_name="ephemere",
            region_code="44",
            department_code="57",
            coordinator_email="coord@ephemere.test",
        ).cpts
        buffer = io.BytesIO()
        PILImage.new("RGB", (4, 4), (200, 0, 0)).save(buffer, format="PNG")
        with schema_context(cpts.schema_name):
            standard_page_publish(parent=HomePage.objects.get(), title="Statuts", body="<p>Article 1</p>")
            Image.objects.create(title="Logo", file=ImageFile(buffer, name="logo.png"))
        try:
            yield cpts
        finally:
            connection.set_schema_to_public()
            _remove_leftovers()


def test_archive_writes_dump_and_media_then_removes_the_cpts(doomed, tmp_path):
    archive = cpts_archive(cpts=doomed)
    dump = (tmp_path / "archives").glob("ephemere-*.sql")
    assert [str(p) for p in dump] == [archive.dump_path]
    assert archive.media_path.endswith("-media.tar.gz")
    assert archive.domains == ["ephemere.localhost"]
    assert not schema_exists("ephemere")
    assert not CPTS.objects.filter(short_name="ephemere").exists()
    assert not Domain.objects.filter(domain="ephemere.localhost").exists()
    assert Client(HTTP_HOST="ephemere.localhost").get("/").status_code == 404


def test_restore_gives_back_pages_media_and_host(doomed, tmp_path):
    archive = cpts_archive(cpts=doomed)
    restored = cpts_restore(archive=archive)
    assert restored.name == "CPTS Éphémère"
    with schema_context(restored.schema_name):
        # The page the test wrote, beside the legal pages every CPTS site is created with.
        titles = {page.title for page in HomePage.objects.get().get_children()}
        assert {"Statuts", "Mentions légales"} <= titles
        image = Image.objects.get()
        assert (tmp_path / "media" / image.file.name).exists()
    response = Client(HTTP_HOST="ephemere.localhost").get("/statuts/")
    assert response.status_code == 200
    assert not CPTSArchive.objects.exists()
    # Both steps are in the network's journal, by a command.
    from tenants.models import AuditEntry

    journal = AuditEntry.objects.filter(cpts=restored.short_name).values_list("action", "actor")
    assert {("cpts.archived", "commande"), ("cpts.restored", "commande")} <= set(journal)


def test_restore_refuses_an_altered_dump(doomed):
    archive = cpts_archive(cpts=doomed)
    with open(archive.dump_path, "a", encoding="utf-8") as handle:
        handle.write("DROP SCHEMA public CASCADE;\n")
    with pytest.raises(ValidationError):
        cpts_restore(archive=archive)
    assert not schema_exists("ephemere")


def test_archive_command_names_the_files(doomed, capsys):
    call_command("archive_cpts", "ephemere")
    out = capsys.readouterr().out
    assert "archivée" in out
    assert ".sql" in out


def test_archive_withdraws_offers_and_campaigns_from_the_network_and_restore_brings_them_back(doomed):
    import datetime

    from content.models import InternshipIndexPage, InternshipOfferPage
    from content.services import page_publish, territory_add_communes
    from network.prevention import NetworkCampaign
    from prevention.models import CampaignIndexPage, CampaignPage
    from search.models import InternshipListing

    with schema_context(doomed.schema_name):
        territory_add_communes(cpts=doomed, codes=["57463"])
        home = HomePage.objects.get()
        index = page_publish(parent=home, page=InternshipIndexPage(title="Stages"))
        page_publish(
            parent=index,
            page=InternshipOfferPage(
                title="Kiné du sport",
                discipline="physiotherapy",
                level="year_3",
                host_structure="practice",
                commune_id="57463",
                start_date=datetime.date.today(),
                end_date=datetime.date.today() + datetime.timedelta(days=90),
                apply_email="kine@ephemere.test",
            ),
        )
        campaigns = page_publish(parent=home, page=CampaignIndexPage(title="Prévention"))
        page_publish(
            parent=campaigns,
            page=CampaignPage(
                title="Octobre rose",
                theme_id="breast_screening",
                summary="Mammographies.",
                start=datetime.date(2026, 10, 1),
                end=datetime.date(2026, 10, 31),
            ),
        )
    connection.set_schema_to_public()
    assert InternshipListing.objects.filter(cpts=doomed).count() == 1

    archive = cpts_archive(cpts=doomed)
    assert not InternshipListing.objects.filter(title="Kiné du sport").exists()
    assert not NetworkCampaign.objects.filter(title="Octobre rose").exists()

    restored = cpts_restore(archive=archive)
    listing = InternshipListing.objects.get(cpts=restored)
    assert (listing.title, listing.url.startswith("http://ephemere.localhost")) == ("Kiné du sport", True)
    assert NetworkCampaign.objects.get(cpts=restored).title == "Octobre rose"


def test_a_copy_registered_only_through_the_contract_follows_archive_and_restore(doomed, monkeypatch):
    """One more public copy plugs in through tenants.public_copies alone: archive withdraws it
    in the public schema, restore rebuilds it in the CPTS's schema, tenants names none of them."""
    from tenants import public_copies

    calls = []
    copy = public_copies.PublicCopy(
        "agenda (test)",
        rebuild=lambda cpts: calls.append(("rebuild", cpts.short_name, connection.schema_name)),
        withdraw=lambda cpts: calls.append(("withdraw", cpts.short_name, connection.schema_name)),
    )
    monkeypatch.setitem(public_copies._copies, copy.name, copy)

    archive = cpts_archive(cpts=doomed)
    assert calls == [("withdraw", "ephemere", "public")]
    cpts_restore(archive=archive)
    assert calls[1:] == [("rebuild", "ephemere", "ephemere")]
    # The features' own copies are registered beside it (more join them: adhesion pages, member counts).
    assert {c.name for c in public_copies.public_copies()} >= {
        "internship listings",
        "network posts",
        "territory claims",
        "campaign copies",
    }


def test_a_dump_the_server_refuses_is_a_clear_error_not_an_unreachable_database(doomed, tmp_path):
    """The server answered and refused the dump (here, one that is not SQL): the message says
    so, in French, instead of calling the database unreachable; nothing is restored."""
    import hashlib
    from pathlib import Path

    archive = cpts_archive(cpts=doomed)
    broken = Path(archive.dump_path)
    broken.write_text("CREATE SCHEMA ephemere; CREATE TABLE ephemere.t (id int REFERENCES nowhere);")
    archive.dump_sha256 = hashlib.sha256(broken.read_bytes()).hexdigest()
    archive.save()
    with pytest.raises(ValidationError, match="pas pu être rejouée : relation"):
        cpts_restore(archive=archive)
    assert not schema_exists("ephemere")
    assert CPTSArchive.objects.filter(pk=archive.pk).exists()
