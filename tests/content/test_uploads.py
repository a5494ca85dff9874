"""Uploads through the CPTS admin: no script-carrying formats, capped sizes, images rewritten."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from PIL import Image as PILImage
from wagtail.documents.models import Document
from wagtail.images.models import Image

from tests.conftest import login

SVG = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'


def _jpeg_with_gps() -> bytes:
    picture = PILImage.new("RGB", (40, 30), (10, 120, 200))
    exif = PILImage.Exif()
    exif[0x010F] = "Appareil de test"  # Make
    exif[0x8825] = {1: "N", 2: (49.0, 7.0, 0.0)}  # GPSInfo
    buffer = io.BytesIO()
    picture.save(buffer, format="JPEG", exif=exif)
    return buffer.getvalue()


def test_an_svg_image_is_refused(alpha, alpha_client, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path
    login(alpha_client, alpha)
    response = alpha_client.post(
        "/admin/images/add/",
        {"title": "Logo", "file": SimpleUploadedFile("logo.svg", SVG, content_type="image/svg+xml")},
    )
    assert response.status_code == 200
    with alpha.context():
        assert not Image.objects.exists()
    connection.set_schema_to_public()


def test_an_image_is_rewritten_without_its_metadata(alpha, alpha_client, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path
    login(alpha_client, alpha)
    uploaded = _jpeg_with_gps()
    assert PILImage.open(io.BytesIO(uploaded)).getexif()  # the check below can fail
    response = alpha_client.post(
        "/admin/images/add/",
        {"title": "Photo", "file": SimpleUploadedFile("photo.jpg", uploaded, content_type="image/jpeg")},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    with alpha.context():
        stored = Image.objects.get()
        with stored.open_file() as handle:
            written = handle.read()
        assert (stored.width, stored.height) == (40, 30)
    connection.set_schema_to_public()
    assert written != uploaded
    assert not PILImage.open(io.BytesIO(written)).getexif()


def test_html_documents_and_oversized_ones_are_refused(alpha, alpha_client, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path
    settings.CPTS_DOCUMENT_MAX_BYTES = 2_000_000
    login(alpha_client, alpha)
    page = SimpleUploadedFile("page.html", b"<script>alert(1)</script>", content_type="text/html")
    assert alpha_client.post("/admin/documents/add/", {"title": "Page", "file": page}).status_code == 200
    big = SimpleUploadedFile("gros.pdf", b"%PDF-1.4\n" + b"0" * 3_000_000, content_type="application/pdf")
    response = alpha_client.post("/admin/documents/add/", {"title": "Gros", "file": big})
    assert response.status_code == 200
    assert "Document trop volumineux" in response.content.decode()
    fine = SimpleUploadedFile(
        "compte-rendu.docx", b"PK\x03\x04 docx", content_type="application/octet-stream"
    )
    assert alpha_client.post("/admin/documents/add/", {"title": "CR", "file": fine}).status_code == 302
    with alpha.context():
        assert list(Document.objects.values_list("title", flat=True)) == ["CR"]
        url = Document.objects.get().url
    connection.set_schema_to_public()
    served = alpha_client.get(url)
    assert served.status_code == 200
    assert served["Content-Disposition"].startswith("attachment")
    b"".join(served.streaming_content)
