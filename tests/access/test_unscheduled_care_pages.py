"""The public copy of each CPTS's « Soins non programmés » page: « Trouver ma CPTS » links each commune's
CPTS to it while it is live and public, and at once no longer when it is not."""

import pytest
from django.db import connection

from access.models import UnscheduledCarePageCopy
from access.page_links import UNSCHEDULED_CARE
from tenants.public_copies import public_copies_drift, public_copies_rebuild, public_copies_withdraw
from tenants.services import public_url
from tests.unscheduled_care.conftest import place, publish
from unscheduled_care.models import UnscheduledCarePage

from .conftest import METZ, NANCY

PATH = "/soins-non-programmes/"


def link(client, q: str = METZ) -> str | None:
    return client.get("/api/network/find-my-cpts/", {"q": q}).json()["communes"][0]["cpts"][0][
        "unscheduled_care_url"
    ]


@pytest.fixture
def care_page(metz_area):
    return publish(metz_area, place())


def test_the_label_names_the_unscheduled_care_page_type():
    assert UNSCHEDULED_CARE.page_model() is UnscheduledCarePage


@pytest.mark.parametrize("kept_seconds", [0, 300])
def test_the_link_follows_publication_at_once(
    federation_client, metz_area, settings, django_capture_on_commit_callbacks, kept_seconds
):
    settings.CPTS_RESPONSE_CACHE_SECONDS = kept_seconds
    assert link(federation_client) is None
    page = publish(metz_area, place())
    assert link(federation_client) == public_url(metz_area.host, PATH)
    html = federation_client.get("/trouver-ma-cpts/", {"q": METZ}).content.decode()
    assert f'href="{public_url(metz_area.host, PATH)}"' in html
    assert public_copies_drift(metz_area.cpts) == {}
    with metz_area.context(), django_capture_on_commit_callbacks(execute=True):
        UnscheduledCarePage.objects.get(pk=page.pk).unpublish()
    connection.set_schema_to_public()
    assert link(federation_client) is None
    assert (
        "Soins non programmés : où consulter"
        not in federation_client.get("/trouver-ma-cpts/", {"q": METZ}).content.decode()
    )
    assert public_copies_drift(metz_area.cpts) == {}


def test_a_commune_in_no_cpts_keeps_the_ars_and_the_national_numbers(federation_client, care_page):
    html = federation_client.get("/trouver-ma-cpts/", {"q": NANCY}).content.decode()
    assert "ARS Grand Est" in html and 'href="tel:116117"' in html and 'href="tel:3237"' in html
    assert "Soins non programmés : où consulter" not in html


def test_the_copy_is_withdrawn_rebuilt_and_its_drift_seen(metz_area, care_page):
    public_copies_withdraw(metz_area.cpts)
    assert not UnscheduledCarePageCopy.objects.filter(cpts=metz_area.cpts).exists()
    said = f"la page {care_page.pk} à {PATH} ici, aucune dans la copie du réseau"
    assert public_copies_drift(metz_area.cpts)["unscheduled care pages"] == [
        f"page « Soins non programmés » : {said}"
    ]
    public_copies_rebuild(metz_area.cpts)
    connection.set_schema_to_public()
    assert UnscheduledCarePageCopy.objects.get(cpts=metz_area.cpts).path == PATH
    assert public_copies_drift(metz_area.cpts) == {}
