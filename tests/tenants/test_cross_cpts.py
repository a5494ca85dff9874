"""Systematic cross-CPTS checks: everything CPTS alpha holds, asked for from CPTS beta.

Alpha gets a published page, a draft, an image, a document, governance, a
territory, an internship offer and a campaign, each carrying a marker. Every
route is asked on alpha's host (where the marker must show: the check can
fail) and on beta's host, anonymously and signed in as beta's coordinator
(where it must never show, and nothing may break).
"""

import io
import re

import pytest
from django.core import mail
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.db import connection
from django.test import Client
from PIL import Image as PILImage
from wagtail.documents.models import Document
from wagtail.images.models import Image

from content.models import Association, HomePage, StandardPage
from content.preview import preview_token
from content.services import paragraphs, standard_page_publish, territory_add_communes
from tests.conftest import login

MARKER = "SECRETALPHA"


@pytest.fixture
def alpha_world(alpha, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path
    buffer = io.BytesIO()
    PILImage.new("RGB", (4, 4), (0, 90, 200)).save(buffer, format="PNG")
    with alpha.context():
        home = HomePage.objects.get()
        page = standard_page_publish(parent=home, title=f"Page {MARKER}", body=f"<p>{MARKER}</p>")
        draft = StandardPage(title=f"Brouillon {MARKER}", body=paragraphs(f"<p>{MARKER}</p>"), live=False)
        home.add_child(instance=draft)
        draft.save_revision()
        image = Image.objects.create(title=f"Image {MARKER}", file=ImageFile(buffer, name="secret.png"))
        document = Document.objects.create(
            title=f"Document {MARKER}", file=ContentFile(MARKER.encode(), name="secret.txt")
        )
        Association.objects.create(name=f"Association {MARKER}", legal_form="law_1901")
        territory_add_communes(cpts=alpha.cpts, codes=["57463"])
        world = {
            "home": home.pk,
            "page": page.pk,
            "page_path": page.url_path.removeprefix("/accueil"),
            "draft": draft.pk,
            "image": image.pk,
            "image_url": image.file.url,
            "document": document.pk,
            "document_url": document.url,
            "token": preview_token(page=draft),
        }
    connection.set_schema_to_public()
    return world


# (path template, does alpha's own host show the marker there, who may see it there)
ROUTES = [
    ("{page_path}", True, "anyone"),
    ("/api/v2/pages/", True, "anyone"),
    ("/api/v2/pages/{page}/", True, "anyone"),
    # Searches ask in lower case: the marker in upper case can only come from a result.
    ("/api/v2/pages/?search=" + MARKER.lower(), True, "anyone"),
    ("/api/v2/images/{image}/", True, "anyone"),
    ("/api/v2/documents/{document}/", True, "anyone"),
    ("/api/v2/page_preview/?token={token}", True, "anyone"),
    ("/api/v2/governance/", True, "anyone"),
    ("/recherche/?q=" + MARKER.lower(), True, "anyone"),
    ("{document_url}", True, "anyone"),
    ("{image_url}", None, "anyone"),
    ("/admin/pages/{page}/edit/", True, "coordinator"),
    ("/admin/pages/{draft}/edit/", True, "coordinator"),
    ("/admin/pages/{home}/", True, "coordinator"),
    ("/admin/pages/search/?q=" + MARKER.lower(), True, "coordinator"),
    ("/admin/images/{image}/", True, "coordinator"),
    ("/admin/documents/edit/{document}/", True, "coordinator"),
    ("/admin/content/association/", True, "coordinator"),
]


def _body(response) -> bytes:
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.content


@pytest.mark.parametrize(("template", "alpha_shows", "audience"), ROUTES)
def test_nothing_of_alpha_reaches_beta(alpha, beta, alpha_world, template, alpha_shows, audience):
    path = template.format(**alpha_world)
    own = Client(HTTP_HOST=alpha.host)
    if audience == "coordinator":
        login(own, alpha)
    response = own.get(path)
    assert response.status_code == 200, (path, response.status_code)
    if alpha_shows:
        assert MARKER.encode() in _body(response), path
    for signed_in in (False, True):
        other = Client(HTTP_HOST=beta.host)
        if signed_in:
            login(other, beta)
        answer = other.get(path)
        assert answer.status_code < 500, (path, answer.status_code)
        assert MARKER.encode() not in _body(answer), (path, signed_in)
        if template in ("{image_url}", "{document_url}"):
            assert answer.status_code == 404, path


def test_beta_coordinator_cannot_change_alpha_pages(alpha, beta, alpha_world):
    other = Client(HTTP_HOST=beta.host)
    login(other, beta)
    other.post(f"/admin/pages/{alpha_world['page']}/delete/")
    other.post(f"/admin/pages/{alpha_world['page']}/unpublish/")
    with alpha.context():
        assert StandardPage.objects.live().filter(title=f"Page {MARKER}").exists()


def test_a_csrf_token_of_one_cpts_is_refused_by_another(alpha, beta):
    own = Client(HTTP_HOST=alpha.host, enforce_csrf_checks=True)
    own.get("/admin/login/")
    token = own.cookies["csrftoken"].value
    other = Client(HTTP_HOST=beta.host, enforce_csrf_checks=True)
    response = other.post(
        "/admin/login/",
        {"username": beta.coordinator_email, "password": beta.password, "csrfmiddlewaretoken": token},
    )
    assert response.status_code == 403


def test_a_password_reset_link_of_one_cpts_is_worthless_on_another(alpha, beta):
    own = Client(HTTP_HOST=alpha.host)
    own.post("/admin/password_reset/", {"email": alpha.coordinator_email})
    assert len(mail.outbox) == 1
    found = re.search(r"(https?://[^/\s]+)(/admin/password_reset/confirm/\S+/)", mail.outbox[0].body)
    base, link = found.groups()
    # The link names the CPTS's own host, not the federation's (WAGTAILADMIN_BASE_URL).
    assert base == f"http://{alpha.host}"

    other = Client(HTTP_HOST=beta.host)
    response = other.get(link, follow=True)
    assert b'name="new_password1"' not in response.content
    with beta.context():
        from django.contrib.auth import get_user_model

        assert get_user_model().objects.get(email=beta.coordinator_email).check_password(beta.password)
    # The same link works where it was issued: the check above can fail.
    assert b'name="new_password1"' in own.get(link, follow=True).content


@pytest.mark.parametrize(
    "host",
    [
        "alpha'; DROP SCHEMA alpha CASCADE; --.localhost",
        "public.localhost",
        "cpts_template.localhost",
        "alpha.localhost.evil.test",
        "ALPHA.LOCALHOST:8000",
        "alpha.localhost.",
        "[::1]:80",
    ],
)
def test_host_header_tricks(alpha, beta, host):
    response = Client(HTTP_HOST=host).get("/")
    assert response.status_code in (200, 400, 404)
    if response.status_code == 200:
        assert alpha.cpts.name.encode() in response.content
    assert beta.cpts.name.encode() not in response.content
    from django_tenants.utils import schema_exists

    assert schema_exists(alpha.schema_name)
