"""Imported images and documents pass the upload rules (content/uploads.py), as an editor's upload does."""

import io
from pathlib import Path

from PIL import Image
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from tests.conftest import login
from tests.site_import.exports import (
    jpeg_with_exif_and_tail,
    plone_item,
    plone_zip,
    post_import,
    zip_replacing,
)

FIXTURES = Path(__file__).parent / "fixtures" / "wordpress"
WXR = FIXTURES / "cpts-val-fictif.wxr.xml"
UPLOADS = FIXTURES / "uploads.zip"
TAIL = b"<?php system($_GET['c']); // APPENDED-AFTER-THE-IMAGE"
SVG = b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>'


def test_an_imported_photo_is_stored_without_its_exif_or_bytes_appended_after_it(
    alpha, alpha_client, tmp_path
):
    photo = jpeg_with_exif_and_tail(TAIL)
    assert Image.open(io.BytesIO(photo)).getexif()  # the test's photo does carry EXIF
    uploads = zip_replacing(UPLOADS, tmp_path / "uploads.zip", {"uploads/2026/06/assemblee.jpg": photo})
    login(alpha_client, alpha)

    response = post_import(alpha_client, WXR, uploads=uploads)

    assert response.status_code == 200
    with alpha.context():
        image = get_image_model().objects.get(title="Salle de réunion")
        with image.file.open("rb") as file:
            stored = file.read()
        rendition = image.get_rendition("width-32")
        with rendition.file.open("rb") as file:
            resized = file.read()
    for data in (stored, resized):
        assert b"APPENDED-AFTER-THE-IMAGE" not in data
        assert b"SERIE-12345" not in data
        assert data.endswith(b"\xff\xd9")  # nothing after the JPEG's end
        picture = Image.open(io.BytesIO(data))
        assert not picture.getexif()
        assert "exif" not in picture.info
    assert (image.width, image.height) == (64, 48)


def test_an_image_over_the_upload_cap_is_refused_with_a_report_line(alpha, alpha_client, settings):
    # The fixture's pictures weigh 14.5, 14.4 and 3.4 kB; an editor could upload only the last one.
    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10_000
    login(alpha_client, alpha)

    response = post_import(alpha_client, WXR, uploads=UPLOADS)

    lines = {line.title: line for line in response.context["report"].lines}
    assert lines["Affiche dépistage"].action == "fail"
    assert "refusé comme un envoi" in " ".join(lines["Affiche dépistage"].notes)
    assert lines["Équipe"].action == "create"
    assert lines["Gouvernance"].action == "create"
    with alpha.context():
        assert not get_image_model().objects.filter(title="Affiche dépistage").exists()
        assert get_image_model().objects.filter(title="Équipe").exists()


def test_a_document_over_the_upload_cap_is_refused_with_a_report_line(alpha, alpha_client, settings):
    settings.CPTS_DOCUMENT_MAX_BYTES = 610  # statutes: 600 bytes, the activity report: 616
    login(alpha_client, alpha)
    response = post_import(alpha_client, WXR, uploads=UPLOADS)
    lines = {line.title: line for line in response.context["report"].lines}
    assert lines["Rapport d'activité 2025"].action == "fail"
    assert "trop volumineux" in " ".join(lines["Rapport d'activité 2025"].notes)
    assert lines["Statuts"].action == "create"
    with alpha.context():
        assert not get_document_model().objects.filter(title="Rapport d'activité 2025").exists()


def test_an_svg_image_from_plone_is_refused_like_an_upload(alpha, alpha_client, tmp_path):
    blob = {"blob_path": "logo/image/logo.svg", "filename": "logo.svg", "content-type": "image/svg+xml"}
    export = plone_zip(
        tmp_path / "svg.zip",
        {"logo/data.json": plone_item("5" * 32, "Image", "/images/logo", image=blob)},
        blobs={"logo/image/logo.svg": SVG},
    )
    login(alpha_client, alpha)
    response = post_import(alpha_client, export)
    assert response.status_code == 200
    [line] = [line for line in response.context["report"].lines if line.kind == "image"]
    assert line.action == "fail"
    with alpha.context():
        assert not get_image_model().objects.filter(title="5" * 32).exists()
