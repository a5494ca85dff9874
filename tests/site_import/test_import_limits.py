"""What one import may read and keep: each file once, each file and the whole under a cap, the items counted.

Sent through the admin's *Importer un site* screen, as a coordinator would; memory is
measured in this process with tracemalloc while the server reads and imports.
"""

import struct
import tracemalloc
import zipfile
from pathlib import Path

from wagtail.images import get_image_model

from site_import.models import ImportedItem
from tests.conftest import login
from tests.site_import.exports import plone_item, plone_zip, post_import, wxr, wxr_item, zip_replacing

FIXTURES = Path(__file__).parent / "fixtures"
WXR = FIXTURES / "wordpress" / "cpts-val-fictif.wxr.xml"
UPLOADS = FIXTURES / "wordpress" / "uploads.zip"
MB = 1_000_000


def peak_while(action):
    """``action()``'s answer and the most memory Python held at once while it ran (bytes)."""
    tracemalloc.start()
    try:
        answer = action()
        return answer, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def notes_of(response) -> str:
    return " ".join(" ".join(line.notes) for line in response.context["report"].lines)


def test_a_plone_export_listing_one_large_data_file_200_times_reads_it_once(alpha, alpha_client, tmp_path):
    # 1 MB of JSON compresses to a few KB: listed 200 times, it was read, parsed and kept 200 times.
    page = plone_item("a" * 32, "Document", "/grande-page", blocks={"pad": "a" * MB})
    export = plone_zip(tmp_path / "repete.zip", {"big/data.json": page}, data_files=["big/data.json"] * 200)
    assert export.stat().st_size < 20_000
    login(alpha_client, alpha)

    response, peak = peak_while(lambda: post_import(alpha_client, export, button="simulate"))

    assert response.status_code == 200
    assert peak < 40 * MB, f"{peak // MB} Mo en mémoire pour un export de {export.stat().st_size // 1000} ko"
    report = response.context["report"]
    assert [line.title for line in report.lines if line.kind == "page"] == [page["title"]]
    assert "listé 200 fois" in notes_of(response)


def test_a_file_over_its_cap_or_over_the_import_s_total_is_refused_with_a_report_line(
    alpha, alpha_client, tmp_path, settings
):
    # A 30 MB picture of zeros, a few KB once compressed: refused from its declared size, never read.
    uploads = zip_replacing(
        UPLOADS, tmp_path / "uploads.zip", {"uploads/2026/06/equipe.png": b"\0" * (30 * MB)}
    )
    settings.SITE_IMPORT_MAX_FILE_BYTES = 5 * MB
    login(alpha_client, alpha)

    response, peak = peak_while(lambda: post_import(alpha_client, WXR, uploads=uploads))

    assert response.status_code == 200
    assert peak < 25 * MB
    lines = {line.title: line for line in response.context["report"].lines}
    assert lines["Équipe"].action == "fail"
    assert "SITE_IMPORT_MAX_FILE_BYTES" in " ".join(lines["Équipe"].notes)
    assert lines["Salle de réunion"].action == "create"  # the rest imports


def test_files_past_the_import_s_total_are_refused_with_a_report_line(alpha, alpha_client, settings):
    # The pictures weigh 14.5, 14.4 and 3.4 kB: with 20 kB for the whole import, the second cannot be read.
    settings.SITE_IMPORT_MAX_TOTAL_BYTES = 20_000
    login(alpha_client, alpha)
    response = post_import(alpha_client, WXR, uploads=UPLOADS)
    assert response.status_code == 200
    lines = {line.title: line for line in response.context["report"].lines}
    assert lines["Affiche dépistage"].action == "create"
    assert lines["Salle de réunion"].action == "fail"
    assert "SITE_IMPORT_MAX_TOTAL_BYTES" in " ".join(lines["Salle de réunion"].notes)
    assert lines["Gouvernance"].action == "create"


def test_a_zip_whose_header_lies_about_a_file_s_size_is_read_with_a_cap(
    alpha, alpha_client, tmp_path, settings
):
    # The header says 100 bytes; the data expands to 30 MB. It is never trusted: the read stops at the cap.
    uploads = zip_replacing(
        UPLOADS, tmp_path / "uploads.zip", {"uploads/2026/06/equipe.png": b"\0" * (30 * MB)}
    )
    _lie_about_size(uploads, "uploads/2026/06/equipe.png", 100)
    settings.SITE_IMPORT_MAX_FILE_BYTES = 5 * MB
    login(alpha_client, alpha)

    response, peak = peak_while(lambda: post_import(alpha_client, WXR, uploads=uploads))

    assert response.status_code == 200
    assert peak < 25 * MB
    lines = {line.title: line for line in response.context["report"].lines}
    assert lines["Équipe"].action == "fail"
    assert lines["Affiche dépistage"].action == "create"


def test_an_export_of_more_items_than_allowed_is_refused_before_anything_is_written(
    alpha, alpha_client, settings
):
    settings.SITE_IMPORT_MAX_ITEMS = 5
    login(alpha_client, alpha)
    response = post_import(alpha_client, WXR, uploads=UPLOADS)
    assert response.status_code == 400
    assert "SITE_IMPORT_MAX_ITEMS" in response.content.decode()
    with alpha.context():
        assert not ImportedItem.objects.exists()


def test_the_same_file_claimed_by_two_items_is_read_once_and_the_second_is_reported(
    alpha, alpha_client, tmp_path
):
    with zipfile.ZipFile(FIXTURES / "plone" / "cpts-coteaux-fictifs.zip") as fixture:
        picture = fixture.read("content/9a7238340a414a4c9619e3e99e31f65d/image/equipe.png")
    blob = {"blob_path": "one/image/equipe.png", "filename": "equipe.png", "content-type": "image/png"}
    export = plone_zip(
        tmp_path / "deux.zip",
        {
            "one/data.json": plone_item("1" * 32, "Image", "/images/equipe", image=blob),
            "two/data.json": plone_item("2" * 32, "Image", "/images/equipe-bis", image=blob),
        },
        blobs={"one/image/equipe.png": picture},
    )
    login(alpha_client, alpha)
    response = post_import(alpha_client, export)
    lines = {line.key: line for line in response.context["report"].lines}
    assert lines["plone:" + "1" * 32].action == "create"
    assert lines["plone:" + "2" * 32].action == "skip"
    assert "même fichier" in " ".join(lines["plone:" + "2" * 32].notes)
    with alpha.context():
        assert get_image_model().objects.filter(title="1" * 32).count() == 1
    # The second item's old address leads to the one image imported.
    assert alpha_client.get("/images/equipe-bis").status_code == 301


def _lie_about_size(archive: Path, name: str, size: int) -> None:
    """Write ``size`` as ``name``'s uncompressed size in its local header and in the central directory."""
    data = bytearray(archive.read_bytes())
    encoded = name.encode()
    for signature, offset in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        start = 0
        while (start := data.find(signature, start)) != -1:
            name_at = start + (30 if signature == b"PK\x03\x04" else 46)
            if data[name_at : name_at + len(encoded)] == encoded:
                struct.pack_into("<I", data, start + offset, size)
            start += 4
    archive.write_bytes(bytes(data))


def test_a_zip_of_too_many_entries_or_an_export_too_large_to_parse_is_refused_before_it_is_opened(
    alpha, alpha_client, tmp_path, settings
):
    login(alpha_client, alpha)
    many = tmp_path / "uploads.zip"
    with zipfile.ZipFile(many, "w") as archive:
        for number in range(300):
            archive.writestr(f"uploads/vide-{number}.txt", b"")
    settings.SITE_IMPORT_MAX_ARCHIVE_ENTRIES = 200
    refused = post_import(alpha_client, WXR, uploads=many)
    assert refused.status_code == 400
    assert "SITE_IMPORT_MAX_ARCHIVE_ENTRIES" in refused.content.decode()

    settings.SITE_IMPORT_MAX_DATA_BYTES = 10_000  # the fixture's XML weighs 41 kB
    refused = post_import(alpha_client, WXR)
    assert refused.status_code == 400
    assert "SITE_IMPORT_MAX_DATA_BYTES" in refused.content.decode()
    with alpha.context():
        assert not ImportedItem.objects.exists()


def test_two_wordpress_attachments_of_one_file_import_it_once(alpha, alpha_client, tmp_path):
    attachment = {"post_type": "attachment", "status": "inherit", "post_date": "2026-03-02 10:00:00"}
    export = tmp_path / "export.xml"
    export.write_bytes(
        wxr(
            [
                wxr_item(
                    {**attachment, "post_id": str(number), "title": f"Photo {number}"},
                    {"_wp_attached_file": "2026/06/equipe.png"},
                )
                for number in (31, 32)
            ]
        )
    )
    login(alpha_client, alpha)
    response = post_import(alpha_client, export, uploads=UPLOADS)
    lines = {line.key: line for line in response.context["report"].lines}
    assert lines["wp:31"].action == "create"
    assert lines["wp:32"].action == "skip"
    assert "même fichier que l'élément wp:31" in " ".join(lines["wp:32"].notes)
    with alpha.context():
        assert get_image_model().objects.filter(title__startswith="Photo").count() == 1
    assert alpha_client.get("/?attachment_id=32").status_code == 301
