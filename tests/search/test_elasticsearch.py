"""What only the Elasticsearch backend has: an index apart from PostgreSQL, which can drift,
is rebuilt behind an alias, and, for Wagtail, is named per CPTS schema.

With PostgreSQL the listing table is the index and Wagtail's index tables live in
each schema, so none of this applies there; the shared behaviour is tested on
both backends in the other modules.
"""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from wagtail.search.backends import get_search_backend

from search.backends import get_backend
from search.models import InternshipListing

from .conftest import search, titles

pytestmark = pytest.mark.usefixtures("elasticsearch")


def test_an_engine_gap_is_reported_and_closed(publish_offer, federation_client, capsys):
    page = publish_offer(title="Stage de pharmacie", discipline="pharmacy")
    listing = InternshipListing.objects.get()
    get_backend().remove([listing.document_id])

    with pytest.raises(CommandError):
        call_command("check_search_index")
    assert f"{listing.document_id}" in capsys.readouterr().out
    call_command("reindex_network")
    call_command("check_search_index")
    assert search(federation_client, q="pharmacie")["results"][0]["id"].endswith(f":{page.pk}")


def test_a_rebuild_swaps_the_alias(publish_offer, federation_client):
    publish_offer(title="Stage de pharmacie", discipline="pharmacy")
    backend = get_backend()
    before = backend._indexes_behind_alias()

    call_command("reindex_network")

    after = backend._indexes_behind_alias()
    assert len(before) == len(after) == 1 and before != after
    assert not backend.client.indices.exists(index=before[0])
    assert titles(search(federation_client, q="pharmacie")) == ["Stage de pharmacie"]


def test_wagtail_index_names_carry_the_schema(publish_offer, alpha, beta):
    publish_offer(alpha, title="Stage A")
    publish_offer(beta, title="Stage B", commune_id="54395")
    backend = get_search_backend()
    indexes = set(backend.es.indices.get_alias(index="*"))

    assert any(name.startswith(f"cpts-{alpha.schema_name}__wagtailcore_page") for name in indexes), indexes
    assert any(name.startswith(f"cpts-{beta.schema_name}__wagtailcore_page") for name in indexes), indexes


def test_a_kept_search_answer_follows_the_index_not_only_the_listing(
    publish_offer, federation_client, settings
):
    """The index follows the listing after its commit: what was kept in between must not serve."""
    from django.core.cache import cache

    settings.CPTS_RESPONSE_CACHE_SECONDS = 300
    cache.clear()
    publish_offer(title="Stage de pharmacie", discipline="pharmacy")
    listing = InternshipListing.objects.get()
    for _ in range(3):  # learned, then kept
        assert titles(search(federation_client, q="pharmacie")) == ["Stage de pharmacie"]
    get_backend().remove([listing.document_id])
    assert titles(search(federation_client, q="pharmacie")) == []
    get_backend().index([listing.pk])
    assert titles(search(federation_client, q="pharmacie")) == ["Stage de pharmacie"]
    cache.clear()
