"""Private pages, images and documents: hidden from anonymous readers, never a 500, never searchable."""

import base64

import pytest
from django.core.files.base import ContentFile
from django.db import connection
from wagtail.documents.models import Document
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from content.models import HomePage
from content.services import standard_page_publish


@pytest.fixture
def private_world(alpha, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path
    with alpha.context():
        home = HomePage.objects.get()
        public = standard_page_publish(parent=home, title="Vaccination publique", body="<p>ouvert</p>")
        private = standard_page_publish(
            parent=home, title="Vaccination du bureau", body="<p>confidentiel</p>"
        )
        PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
        collection = Collection.get_first_root_node().add_child(name="Bureau")
        CollectionViewRestriction.objects.create(
            collection=collection, restriction_type=CollectionViewRestriction.LOGIN
        )
        Document.objects.create(
            title="Compte rendu", file=ContentFile(b"x", name="cr.txt"), collection=collection
        )
        Document.objects.create(title="Plaquette", file=ContentFile(b"y", name="p.txt"))
    connection.set_schema_to_public()
    return {"public": public.pk, "private": private.pk, "home": home.pk}


def test_the_api_keeps_working_and_hides_private_items(private_world, alpha_client):
    pages = alpha_client.get("/api/v2/pages/")
    assert pages.status_code == 200
    titles = [item["title"] for item in pages.json()["items"]]
    assert "Vaccination publique" in titles and "Vaccination du bureau" not in titles
    assert alpha_client.get(f"/api/v2/pages/{private_world['public']}/").status_code == 200
    assert alpha_client.get(f"/api/v2/pages/{private_world['private']}/").status_code == 404
    assert alpha_client.get(f"/api/v2/pages/?child_of={private_world['home']}").status_code == 200
    documents = alpha_client.get("/api/v2/documents/")
    assert documents.status_code == 200
    assert [d["title"] for d in documents.json()["items"]] == ["Plaquette"]
    assert alpha_client.get("/api/v2/images/").status_code == 200


def test_site_search_never_shows_a_private_page(private_world, alpha_client):
    found = alpha_client.get("/recherche/", {"q": "vaccination"}).content.decode()
    assert "Vaccination publique" in found
    assert "Vaccination du bureau" not in found
    assert (
        "Vaccination du bureau" not in alpha_client.get("/recherche/", {"q": "confidentiel"}).content.decode()
    )


def test_public_apis_accept_no_password(federation_staff_client, alpha, alpha_client):
    """Basic authentication used to answer 200 for a right password and 403 for a wrong one."""
    from django.test import Client

    def basic(user, password):
        return "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()

    client = Client(HTTP_HOST="localhost")
    right = client.get("/api/network/cpts/", HTTP_AUTHORIZATION=basic("fed", "pw-fed-123"))
    wrong = client.get("/api/network/cpts/", HTTP_AUTHORIZATION=basic("fed", "wrong"))
    assert right.status_code == wrong.status_code == 200
    assert "WWW-Authenticate" not in wrong
    cpts = alpha_client.get("/api/v2/governance/", HTTP_AUTHORIZATION=basic(alpha.coordinator_email, "no"))
    assert cpts.status_code == 200
