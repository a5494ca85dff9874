"""Fixtures of the students' search: every test here runs on both backends.

``search_backend`` is PostgreSQL, then Elasticsearch over real HTTP against an
osmem-server clone (in-memory, OpenSearch-compatible), fresh for each test.
"""

import datetime

import pytest
from django.db import connection
from django.test import TestCase

from content.models import HomePage, InternshipIndexPage, InternshipOfferPage
from content.services import page_publish, territory_add_communes
from search import lexicon
from tests.osmem_transport import PlainJsonHttpNode

# Communes of the two test CPTS' territories (Metz, Woippy; Nancy).
ALPHA_COMMUNES = ["57463", "57751"]
BETA_COMMUNES = ["54395"]


def _use_elasticsearch(settings, url: str) -> None:
    # osmem-server wants plain JSON mimetypes; a real cluster needs no such option.
    settings.ELASTICSEARCH_OPTIONS = {"node_class": PlainJsonHttpNode}
    settings.ELASTICSEARCH_URL = url
    settings.WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "search.wagtail_backend",
            "URLS": [url],
            "INDEX_PREFIX": settings.SEARCH_INDEX_PREFIX,
            "OPTIONS": settings.ELASTICSEARCH_OPTIONS,
        }
    }


@pytest.fixture(params=["postgres", "elasticsearch"])
def search_backend(request, settings):
    lexicon._lexicon.forget()
    if request.param == "elasticsearch":
        _use_elasticsearch(settings, request.getfixturevalue("osmem_clone").url)
    else:
        settings.ELASTICSEARCH_URL = ""
    yield request.param
    lexicon._lexicon.forget()


@pytest.fixture
def elasticsearch(settings, osmem_clone):
    """Elasticsearch only, for what PostgreSQL does not have: a separate index that can drift."""
    lexicon._lexicon.forget()
    _use_elasticsearch(settings, osmem_clone.url)
    yield
    lexicon._lexicon.forget()


def future(days: int) -> datetime.date:
    return datetime.date.today() + datetime.timedelta(days=days)


def offer_page(**fields) -> InternshipOfferPage:
    base = {
        "title": "Stage en cabinet de kinésithérapie",
        "discipline": "physiotherapy",
        "level": "year_3",
        "host_structure": "practice",
        "host_name": "Cabinet des Arènes",
        "commune_id": "57463",
        "start_date": future(30),
        "end_date": future(120),
        "places": 2,
        "housing": True,
        "apply_email": "stages@cabinet.test",
        "description": "<p>Rééducation du sportif et maintien à domicile.</p>",
    }
    return InternshipOfferPage(**{**base, **fields})


def committed(action):
    """Run ``action`` and the on-commit work it queues (the search engine's update), as a commit would."""
    with TestCase.captureOnCommitCallbacks(execute=True):
        result = action()
    return result


@pytest.fixture
def publish_offer(alpha, beta):
    """Publish an offer in a CPTS as its coordinator would, and let the engine follow."""
    territories = {alpha.schema_name: ALPHA_COMMUNES, beta.schema_name: BETA_COMMUNES}
    ready = set()

    def publish(tenant=alpha, **fields) -> InternshipOfferPage:
        with tenant.context():
            if tenant.schema_name not in ready:
                territory_add_communes(cpts=tenant.cpts, codes=territories[tenant.schema_name])
                ready.add(tenant.schema_name)
            index = InternshipIndexPage.objects.first() or page_publish(
                parent=HomePage.objects.get(), page=InternshipIndexPage(title="Stages", slug="stages")
            )
            page = committed(lambda: page_publish(parent=index, page=offer_page(**fields)))
        connection.set_schema_to_public()
        return page

    return publish


def search(client, **params) -> dict:
    response = client.get("/api/network/internships/", params)
    assert response.status_code == 200, response.content[:500]
    return response.json()


def titles(result: dict) -> list[str]:
    return [hit["title"] for hit in result["results"]]
