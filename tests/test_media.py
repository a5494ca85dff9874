"""Uploaded files under /media/: own host only, never a document, never a private image to a stranger."""

import io

import pytest
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.db import connection
from PIL import Image as PILImage
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import Collection, CollectionViewRestriction

from tests.conftest import login


def status(client, url: str) -> int:
    """The answer's status; a file answer is read to its end, which ends the request as a server would."""
    response = client.get(url)
    if response.streaming:
        b"".join(response.streaming_content)
    return response.status_code


def _png() -> io.BytesIO:
    buffer = io.BytesIO()
    PILImage.new("RGB", (4, 4), (200, 30, 30)).save(buffer, format="PNG")
    return buffer


@pytest.fixture
def files(alpha, beta, tmp_path, settings):
    """In each CPTS: a public image, and a private collection with an image and a document."""
    settings.MEDIA_ROOT = tmp_path
    made = {}
    for tenant in (alpha, beta):
        with tenant.context():
            root = Collection.get_first_root_node()
            private = root.add_child(name="Bureau")
            CollectionViewRestriction.objects.create(
                collection=private, restriction_type=CollectionViewRestriction.LOGIN
            )
            public_image = Image.objects.create(title="Logo", file=ImageFile(_png(), name="logo.png"))
            private_image = Image.objects.create(
                title="Scan", file=ImageFile(_png(), name="scan.png"), collection=private
            )
            rendition = private_image.get_rendition("width-2")
            document = Document.objects.create(
                title="CR du bureau", file=ContentFile(b"SECRET", name="cr.txt"), collection=private
            )
            made[tenant.schema_name] = {
                "public_image": public_image.file.url,
                "private_image": private_image.file.url,
                "rendition": rendition.url,
                "document": document.file.url,
                "document_view": document.url,
            }
    connection.set_schema_to_public()
    return made


def test_a_public_image_is_served_on_its_own_host_only(
    files, alpha, alpha_client, beta_client, federation_client
):
    url = files[alpha.schema_name]["public_image"]
    assert status(alpha_client, url) == 200
    assert status(beta_client, url) == 404
    assert status(federation_client, url) == 404


def test_documents_are_never_served_under_media(files, alpha, alpha_client, federation_client):
    url = files[alpha.schema_name]["document"]
    assert url.startswith(f"/media/{alpha.schema_name}/documents/")
    assert status(alpha_client, url) == 404
    assert status(federation_client, url) == 404
    login(alpha_client, alpha)
    assert status(alpha_client, url) == 404
    # Wagtail's document view is the way, and it lets the signed-in coordinator in.
    response = alpha_client.get(files[alpha.schema_name]["document_view"])
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"SECRET"


def test_the_document_view_keeps_a_private_document_from_strangers(files, alpha, alpha_client):
    response = alpha_client.get(files[alpha.schema_name]["document_view"])
    assert response.status_code in (302, 403, 404)


@pytest.mark.parametrize(
    "trick",
    [
        "/media/{own}/..%2f{other}/{rest}",
        "/media/{own}/%2e%2e/{other}/{rest}",
        "/media/{own}/./../{other}/{rest}",
        "/media/{own}//../{other}/{rest}",
        "/media/{own}/..%5c{other}/{rest}",
    ],
)
def test_path_tricks_never_reach_another_cpts(files, alpha, beta, beta_client, trick):
    target = files[alpha.schema_name]["public_image"]
    rest = target.split(f"/media/{alpha.schema_name}/", 1)[1]
    url = trick.format(own=beta.schema_name, other=alpha.schema_name, rest=rest)
    assert status(beta_client, url) in (400, 404), url


def test_a_private_collection_image_is_for_signed_in_users_only(files, alpha, alpha_client):
    for kind in ("private_image", "rendition"):
        url = files[alpha.schema_name][kind]
        assert status(alpha_client, url) == 404, kind
    login(alpha_client, alpha)
    for kind in ("private_image", "rendition"):
        response = alpha_client.get(files[alpha.schema_name][kind])
        assert response.status_code == 200, kind
        b"".join(response.streaming_content)
        assert "private" in response["Cache-Control"]
