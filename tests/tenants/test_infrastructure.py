"""Cache, files and background tasks keep each CPTS's data apart."""

import io
from functools import partial

from django.core.cache import caches
from django.core.files.images import ImageFile
from django.core.files.storage import default_storage
from django.db import connection
from django.test import Client
from PIL import Image as PILImage
from wagtail.images.models import Image

from content.models import HomePage


def test_cache_entry_written_under_one_cpts_is_not_read_under_another(alpha, beta):
    for alias in caches:
        with alpha.context():
            caches[alias].set("wagtail_site_root_paths", "alpha-value")
        with beta.context():
            assert caches[alias].get("wagtail_site_root_paths") is None
        with alpha.context():
            assert caches[alias].get("wagtail_site_root_paths") == "alpha-value"
            caches[alias].delete("wagtail_site_root_paths")


def _png_bytes() -> bytes:
    buffer = io.BytesIO()
    PILImage.new("RGB", (8, 6), (0, 0, 145)).save(buffer, format="PNG")
    return buffer.getvalue()


def test_uploaded_image_url_names_its_cpts_and_is_served_by_its_own_host_only(alpha, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path
    content = _png_bytes()
    with alpha.context():
        image = Image.objects.create(title="Logo", file=ImageFile(io.BytesIO(content), name="logo.png"))
        stored_name = image.file.name
        rendition_url = image.get_rendition("width-4").url

    assert stored_name.startswith(f"{alpha.schema_name}/original_images/")
    assert f"/media/{alpha.schema_name}/images/" in rendition_url

    # Rendered from the public schema, the URL is the same file; only the CPTS's host serves it.
    connection.set_schema_to_public()
    url = default_storage.url(stored_name)
    assert url == f"/media/{stored_name}"
    response = Client(HTTP_HOST=alpha.host).get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == content
    assert Client(HTTP_HOST="localhost").get(url).status_code == 404


def test_wagtail_tasks_run_in_the_cpts_schema(alpha):
    """Saving a page enqueues search and reference-index tasks; they land in its schema."""
    from wagtail.search.models import IndexEntry

    with alpha.context():
        home = HomePage.objects.get()
        IndexEntry.objects.all().delete()
        home.save_revision().publish()
        assert IndexEntry.objects.filter(object_id=str(home.pk)).exists()


def test_file_cleanup_queued_on_commit_deletes_the_right_cpts_file(
    alpha, beta, tmp_path, settings, django_capture_on_commit_callbacks
):
    """Wagtail deletes files from an on_commit task, after the schema may have changed."""
    settings.MEDIA_ROOT = tmp_path
    content = _png_bytes()
    with alpha.context():
        image = Image.objects.create(title="A", file=ImageFile(io.BytesIO(content), name="same.png"))
    with beta.context():
        kept = Image.objects.create(title="B", file=ImageFile(io.BytesIO(content), name="same.png"))
    with django_capture_on_commit_callbacks(execute=True):
        with alpha.context():
            image.delete()
        connection.set_schema_to_public()
    assert not (tmp_path / image.file.name).exists()
    assert (tmp_path / kept.file.name).exists()


def test_a_deferred_task_backend_is_refused(settings):
    from tenants.checks import tasks_run_in_their_schema

    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.database.DatabaseBackend"}}
    assert [error.id for error in tasks_run_in_their_schema(None)] == ["tenants.E003"]


def test_both_immediate_task_backends_are_accepted(settings):
    from tenants.checks import IMMEDIATE_BACKEND, tasks_run_in_their_schema

    for backend in (IMMEDIATE_BACKEND, "tenants.tasks.HoldingImmediateBackend"):
        settings.TASKS = {"default": {"BACKEND": backend}}
        assert tasks_run_in_their_schema(None) == []


def test_held_task_calls_are_recorded_once_each_and_not_run(alpha):
    from modelsearch.tasks import insert_or_update_object_task
    from wagtail.images import get_image_model
    from wagtail.search.backends import get_search_backend

    from tenants.tasks import tasks_held

    with alpha.context():
        image = get_image_model()(title="Affiche tenue", file="affiche.png", width=1, height=1)
        with tasks_held(insert_or_update_object_task) as held:
            image.save()
            image.save()
        assert held.of(insert_or_update_object_task) == [(["wagtailimages", "image", str(image.pk)], {})]
        assert not get_search_backend().search("tenue", get_image_model())
        image.save()  # outside the block: indexed at once
        assert [found.title for found in get_search_backend().search("tenue", get_image_model())] == [
            "Affiche tenue"
        ]


def test_a_cache_alias_without_tenant_keys_is_refused(settings):
    from tenants.checks import cache_aliases_are_tenant_keyed

    settings.CACHES = {
        **settings.CACHES,
        "extra": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    }
    assert [error.id for error in cache_aliases_are_tenant_keyed(None)] == ["tenants.E001"]


def test_content_type_cache_never_lends_one_schema_s_ids_to_another(alpha):
    """Schemas number content types differently; django-tenants clears the cache on each switch."""
    from django.contrib.contenttypes.models import ContentType

    from prevention.models import CampaignPage

    # Warm the cache in the public schema first, as a federation request would.
    connection.set_schema_to_public()
    public = ContentType.objects.get_for_model(CampaignPage)
    with alpha.context():
        cached = ContentType.objects.get_for_model(CampaignPage)
        stored = ContentType.objects.get(app_label="prevention", model="campaignpage")
        assert cached.pk == stored.pk
        assert ContentType.objects.get_for_id(stored.pk).model == "campaignpage"
    assert ContentType.objects.get_for_model(CampaignPage).pk == public.pk


def test_set_tenant_leaves_the_connection_as_django_tenants_does(alpha):
    """The project's switch skips emptying the content-type cache, and nothing else."""
    from django_tenants.postgresql_backend.base import DatabaseWrapper as TenantDatabaseWrapper

    def state() -> dict:
        # settings_dict is one dict changed in place: its schema is read out.
        return {**vars(connection), "SCHEMA": connection.settings_dict["SCHEMA"]}

    cpts, states = alpha.cpts, []
    try:
        for include_public in (True, False):
            for switch in (connection.set_tenant, partial(TenantDatabaseWrapper.set_tenant, connection)):
                connection.set_schema_to_public()
                # What a previous query left: the next one must set the search_path again.
                connection.search_path_set_schemas = ["stale"]
                switch(cpts, include_public)
                states.append(state())
            ours, theirs = states[-2:]
            assert ours == theirs
            assert ours["SCHEMA"] == connection.schema_name == cpts.schema_name
            assert connection.search_path_set_schemas is None
    finally:
        connection.set_schema_to_public()
