"""The public copy of each CPTS's « Adhésion » page: what « Trouver ma CPTS » links a professional to."""

import pytest
from django.db import connection
from wagtail.models import PageViewRestriction

from access.models import AdhesionPageCopy
from access.page_links import ADHESION
from content.models import HomePage
from content.services import page_publish
from members.models import AdhesionPage
from tenants.public_copies import public_copies_drift, public_copies_rebuild, public_copies_withdraw
from tenants.services import public_url

from .conftest import METZ


def adhesion_url(client) -> str | None:
    return client.get("/api/network/find-my-cpts/", {"q": METZ}).json()["communes"][0]["cpts"][0][
        "adhesion_url"
    ]


@pytest.fixture
def adhesion(metz_area):
    with metz_area.context():
        page = page_publish(
            parent=HomePage.objects.get(),
            page=AdhesionPage(
                title="Adhérer", statutes_version="statuts v1", board_email="bureau@alpha.test"
            ),
        )
    connection.set_schema_to_public()
    return page


def test_the_label_names_the_members_page_type():
    assert ADHESION.page_model() is AdhesionPage, ADHESION.page_type


def test_a_published_adhesion_page_is_linked(federation_client, metz_area, adhesion):
    assert adhesion_url(federation_client) == public_url(metz_area.host, "/adherer/")
    assert public_copies_drift(metz_area.cpts) == {}


def test_an_unpublished_page_is_no_longer_linked(federation_client, metz_area, adhesion):
    with metz_area.context():
        AdhesionPage.objects.get(pk=adhesion.pk).unpublish()
    connection.set_schema_to_public()
    assert adhesion_url(federation_client) is None


def test_a_deleted_page_is_no_longer_linked(federation_client, metz_area, adhesion):
    with metz_area.context():
        AdhesionPage.objects.get(pk=adhesion.pk).delete()
    connection.set_schema_to_public()
    assert adhesion_url(federation_client) is None


def test_a_private_page_is_not_linked_and_comes_back_when_public(federation_client, metz_area, adhesion):
    with metz_area.context():
        restriction = PageViewRestriction.objects.create(
            page=adhesion,
            restriction_type=PageViewRestriction.PASSWORD,
            password="secret",  # noqa: S106
        )
    connection.set_schema_to_public()
    assert adhesion_url(federation_client) is None
    with metz_area.context():
        restriction.delete()
    connection.set_schema_to_public()
    assert adhesion_url(federation_client) == public_url(metz_area.host, "/adherer/")


def test_a_new_slug_moves_the_link(federation_client, metz_area, adhesion):
    with metz_area.context():
        page = AdhesionPage.objects.get(pk=adhesion.pk)
        page.slug = "nous-rejoindre"
        page.save_revision().publish()
    connection.set_schema_to_public()
    assert adhesion_url(federation_client) == public_url(metz_area.host, "/nous-rejoindre/")


def test_the_copy_is_withdrawn_rebuilt_and_its_drift_seen(metz_area, adhesion):
    public_copies_withdraw(metz_area.cpts)
    assert not AdhesionPageCopy.objects.filter(cpts=metz_area.cpts).exists()
    assert "adhesion pages" in public_copies_drift(metz_area.cpts)
    public_copies_rebuild(metz_area.cpts)
    connection.set_schema_to_public()
    assert AdhesionPageCopy.objects.get(cpts=metz_area.cpts).path == "/adherer/"
    assert public_copies_drift(metz_area.cpts) == {}
