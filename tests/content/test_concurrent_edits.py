"""Two coordinators of one CPTS at work on the same page or territory: nothing is silently lost."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client

from content.models import HomePage, StandardPage, TerritoryCommune
from content.services import standard_page_publish
from tests.conftest import login


@pytest.fixture
def colleagues(alpha):
    """Two signed-in coordinators of alpha: the created one and a colleague."""
    with alpha.context():
        get_user_model().objects.create_superuser(
            "claire@alpha.test", "claire@alpha.test", "pw-claire-123", first_name="Claire", last_name="Petit"
        )
    connection.set_schema_to_public()
    first = Client(HTTP_HOST=alpha.host)
    login(first, alpha)
    second = Client(HTTP_HOST=alpha.host)
    assert (
        second.post(
            "/admin/login/", {"username": "claire@alpha.test", "password": "pw-claire-123"}
        ).status_code
        == 302
    )
    return first, second


def opened(client: Client, page_id: int) -> dict:
    """The edit form as a browser holds it: the revision it was loaded from."""
    html = client.get(f"/admin/pages/{page_id}/edit/").content.decode()
    fields = {}
    for name in ("loaded_revision_id", "loaded_revision_created_at"):
        fields[name] = re.search(rf'name="{name}" value="([^"]*)"', html).group(1)
    return fields


def edit(client: Client, page_id: int, loaded: dict, title: str, publish: bool = False):
    data = {"title": title, "slug": "statuts", "body-count": "0", **loaded}
    if publish:
        data["action-publish"] = "action-publish"
    return client.post(f"/admin/pages/{page_id}/edit/", data)


def test_the_later_save_of_a_stale_form_is_refused_with_a_message(alpha, colleagues):
    first, second = colleagues
    with alpha.context():
        page = standard_page_publish(parent=HomePage.objects.get(), title="Statuts", body="")
    connection.set_schema_to_public()

    form_of_first = opened(first, page.pk)
    form_of_second = opened(second, page.pk)
    assert (
        edit(second, page.pk, form_of_second, "Statuts (version de Claire)", publish=True).status_code == 302
    )

    refused = edit(first, page.pk, form_of_first, "Statuts (version écrasante)", publish=True)

    assert refused.status_code == 200
    html = refused.content.decode().replace("&#x27;", "'")
    assert "Claire Petit a enregistré cette page" in html
    assert "Statuts (version écrasante)" in html  # the first coordinator's text is still in the form
    with alpha.context():
        saved = StandardPage.objects.get(pk=page.pk)
        assert saved.title == "Statuts (version de Claire)"
        assert saved.get_latest_revision_as_object().title == "Statuts (version de Claire)"

    # Reloaded, the first coordinator's form is current again and saves.
    assert edit(first, page.pk, opened(first, page.pk), "Statuts (fusion)", publish=True).status_code == 302


def test_a_draft_save_over_a_newer_save_is_refused_too(alpha, colleagues):
    first, second = colleagues
    with alpha.context():
        page = standard_page_publish(parent=HomePage.objects.get(), title="Statuts", body="")
    connection.set_schema_to_public()
    stale = opened(first, page.pk)
    assert edit(second, page.pk, opened(second, page.pk), "Brouillon de Claire").status_code == 302

    assert edit(first, page.pk, stale, "Brouillon écrasant").status_code == 200
    with alpha.context():
        assert (
            StandardPage.objects.get(pk=page.pk).get_latest_revision_as_object().title
            == "Brouillon de Claire"
        )


def test_every_page_type_has_the_check():
    from wagtail.models import get_page_models

    from content.forms import StaleSaveCheck

    for model in get_page_models():
        if model._meta.app_label in {"content", "prevention"}:
            assert issubclass(model.get_edit_handler().get_form_class(), StaleSaveCheck), model


def test_territory_edits_from_stale_screens_are_merged(alpha, colleagues):
    first, second = colleagues
    # Both screens were loaded empty; each coordinator adds a commune, then one removes one.
    assert first.post("/admin/territory/add/", {"code": ["57463"]}).status_code == 302
    assert second.post("/admin/territory/add/", {"code": ["57751"]}).status_code == 302
    assert second.post("/admin/territory/add/", {"code": ["57463"]}).status_code == 302  # already there
    with alpha.context():
        assert set(TerritoryCommune.objects.values_list("commune_id", flat=True)) == {"57463", "57751"}
    assert first.post("/admin/territory/remove/", {"code": ["57751"]}).status_code == 302
    assert second.post("/admin/territory/remove/", {"code": ["57751"]}).status_code == 302
    with alpha.context():
        assert set(TerritoryCommune.objects.values_list("commune_id", flat=True)) == {"57463"}
