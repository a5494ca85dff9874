"""The federation's host keeps its answers until a table they read changes.

Through HTTP on the federation's Host. Every write goes through the service a
coordinator's or the federation's request uses, its commit hooks run as on
commit, and the next answer must show it: one test per path a write takes to
the pages the federation's visitors read.
"""

import pytest
from django.core.cache import cache
from django.db import connection
from django.http import HttpResponse
from django.test.utils import CaptureQueriesContext

from content.services import territory_add_communes
from tenants import cache_outage
from tenants.federation_answers import HIT_HEADER
from tenants.models import CPTS
from tenants.services import cpts_update
from tests.conftest import login
from tests.prevention.test_campaigns import campaign
from tests.prevention.test_campaigns import publish as publish_campaign
from tests.search.conftest import offer_page
from tests.syndication.test_network_agenda import publish_event, publish_news


@pytest.fixture
def kept(settings):
    settings.CPTS_RESPONSE_CACHE_SECONDS = 300
    settings.CPTS_RESPONSE_CACHE_HEADER = True
    cache.clear()
    yield
    cache.clear()


def committed(django_capture_on_commit_callbacks, action):
    with django_capture_on_commit_callbacks(execute=True):
        result = action()
    connection.set_schema_to_public()
    return result


def served(client, path: str) -> tuple[str, int, bool]:
    """The answer's text, how many statements it took, and whether it was a kept answer."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200, response.content[:300]
    return response.content.decode(), len(queries), response.get(HIT_HEADER) == "hit"


def warm(client, path: str) -> str:
    """Ask until the answer is kept: the first answer teaches the tables it reads, the second is kept."""
    first = served(client, path)
    assert first[1] > 0 and not first[2]
    served(client, path)
    text, statements, hit = served(client, path)
    assert (statements, hit) == (0, True), path
    return text


def test_an_answer_is_kept_once_the_host_knows_the_tables_it_reads(kept, alpha, federation_client):
    # The first answer of the host teaches it the tables coverage reads: not kept.
    assert served(federation_client, "/api/network/coverage/")[1:] != (0, True)
    _, statements, hit = served(federation_client, "/api/network/coverage/")
    assert statements > 0 and not hit
    text, statements, hit = served(federation_client, "/api/network/coverage/")
    assert (statements, hit) == (0, True) and text.startswith("{")
    # Another address reading the same tables is kept from its first answer.
    _, statements, hit = served(federation_client, "/api/network/coverage/?definition=any")
    assert statements > 0 and not hit
    assert served(federation_client, "/api/network/coverage/?definition=any")[1:] == (0, True)


def test_coverage_follows_a_cpts_claiming_communes(
    kept, alpha, federation_client, django_capture_on_commit_callbacks
):
    paths = [
        "/api/network/coverage/",
        "/api/network/coverage/regions/44/",
        "/api/network/coverage/departments/57/",
        "/couverture/57/",
    ]
    before = {path: warm(federation_client, path) for path in paths}
    with alpha.context():
        committed(
            django_capture_on_commit_callbacks,
            lambda: territory_add_communes(cpts=alpha.cpts, codes=["57463", "57751"]),
        )
    for path in paths:
        after, statements, hit = served(federation_client, path)
        assert statements > 0 and not hit and after != before[path], path


def test_the_students_search_follows_a_published_offer(
    kept, alpha, federation_client, django_capture_on_commit_callbacks
):
    from content.models import HomePage, InternshipIndexPage
    from content.services import page_publish

    with alpha.context():
        committed(
            django_capture_on_commit_callbacks,
            lambda: territory_add_communes(cpts=alpha.cpts, codes=["57463"]),
        )
    api = warm(federation_client, "/api/network/internships/?q=kine")
    page = warm(federation_client, "/stages/?q=kine")
    assert "Cabinet des Arènes" not in api + page

    def publish():
        index = page_publish(
            parent=HomePage.objects.get(), page=InternshipIndexPage(title="Stages", slug="stages")
        )
        return page_publish(parent=index, page=offer_page())

    with alpha.context():
        committed(django_capture_on_commit_callbacks, publish)
    api, _, hit = served(federation_client, "/api/network/internships/?q=kine")
    assert not hit and "Stage en cabinet de kinésithérapie" in api
    page, _, hit = served(federation_client, "/stages/?q=kine")
    assert not hit and "Stage en cabinet de kinésithérapie" in page


def test_campaigns_agenda_and_news_follow_what_a_cpts_publishes(
    kept, alpha, federation_client, django_capture_on_commit_callbacks
):
    with alpha.context():
        committed(
            django_capture_on_commit_callbacks,
            lambda: territory_add_communes(cpts=alpha.cpts, codes=["57463"]),
        )
    listed = {
        path: warm(federation_client, path)
        for path in ("/api/network/campaigns/", "/agenda/", "/actualites/")
    }
    committed(
        django_capture_on_commit_callbacks,
        lambda: publish_campaign(alpha, campaign(title="Mars bleu à Metz")),
    )
    text, _, hit = served(federation_client, "/api/network/campaigns/")
    assert (
        not hit and "Mars bleu à Metz" in text and "Mars bleu à Metz" not in listed["/api/network/campaigns/"]
    )
    # The agenda did not read the campaigns: still kept.
    assert served(federation_client, "/agenda/")[2]
    committed(
        django_capture_on_commit_callbacks,
        lambda: publish_event(alpha, title="Soirée insuffisance cardiaque"),
    )
    text, _, hit = served(federation_client, "/agenda/")
    assert not hit and "Soirée insuffisance cardiaque" in text
    committed(django_capture_on_commit_callbacks, lambda: publish_news(alpha, title="Permanence du samedi"))
    text, _, hit = served(federation_client, "/actualites/")
    assert not hit and "Permanence du samedi" in text


def test_the_federation_home_follows_a_cpts_renamed(
    kept, alpha, federation_client, django_capture_on_commit_callbacks
):
    home = warm(federation_client, "/")
    assert "CPTS Alpha" in home
    # A fresh row: the fixture's CPTS object lives for the whole session.
    renamed = CPTS.objects.get(pk=alpha.cpts.pk)
    committed(
        django_capture_on_commit_callbacks, lambda: cpts_update(cpts=renamed, name="CPTS du Val d'Alpha")
    )
    text, _, hit = served(federation_client, "/")
    assert not hit and "CPTS du Val d&#x27;Alpha" in text


def test_a_signed_in_visitor_is_never_served_a_kept_answer_nor_keeps_one(
    kept, alpha, federation_client, client
):
    warm(federation_client, "/")
    client.defaults["HTTP_HOST"] = alpha.host
    login(client, alpha)
    # The same session cookie, sent to the federation's host.
    cookie = client.cookies["sessionid"].value
    federation_client.cookies["sessionid"] = cookie
    _, statements, hit = served(federation_client, "/")
    assert statements > 0 and not hit


def test_nothing_kept_before_a_redis_outage_serves_after_it(kept, alpha, federation_client):
    warm(federation_client, "/api/network/campaigns/")
    cache_outage._after_outage()
    _, statements, hit = served(federation_client, "/api/network/campaigns/")
    assert statements > 0 and not hit


def test_each_answer_keeps_its_headers_apart(kept, alpha, federation_client):
    warm(federation_client, "/api/network/coverage/")
    response = federation_client.get("/api/network/coverage/", HTTP_ORIGIN="https://exemple.test")
    assert response.get(HIT_HEADER) != "hit"


def test_a_new_release_does_not_serve_what_the_last_one_kept(
    kept, alpha, alpha_client, federation_client, settings
):
    warm(federation_client, "/api/network/campaigns/")
    alpha_client.get("/")
    assert alpha_client.get("/").get(HIT_HEADER) == "hit"
    settings.CPTS_RELEASE = "la suivante"
    assert served(federation_client, "/api/network/campaigns/")[1:] != (0, True)
    assert alpha_client.get("/").get(HIT_HEADER) != "hit"


# Found by a hostile review of this cache (#41): each failed before its fix.


def test_coverage_counters_written_in_one_with_statement_renew_their_tables(
    kept, alpha, django_capture_on_commit_callbacks
):
    from tenants.schema_versions import table_version, versions_read

    names = [table_version("network_commune"), table_version("network_unitclaim")]
    before = versions_read(names)
    with alpha.context():
        committed(
            django_capture_on_commit_callbacks,
            lambda: territory_add_communes(cpts=alpha.cpts, codes=["57463", "57751"]),
        )
    after = versions_read(names)
    assert all(before[name] != after[name] for name in names)


def test_a_write_that_changes_no_row_forgets_nothing(
    kept, alpha, federation_client, django_capture_on_commit_callbacks
):
    add = lambda: territory_add_communes(cpts=alpha.cpts, codes=["57463"])  # noqa: E731
    with alpha.context():
        committed(django_capture_on_commit_callbacks, add)
    warm(federation_client, "/agenda/")
    warm(federation_client, "/api/network/campaigns/")
    # A hostile or hurried coordinator adds a commune the territory already has, again and again.
    with alpha.context():
        committed(django_capture_on_commit_callbacks, add)
    assert served(federation_client, "/agenda/")[2]
    assert served(federation_client, "/api/network/campaigns/")[2]


def test_a_setting_answers_print_changed_on_restart_is_not_served_from_before(
    kept, alpha, federation_client, settings
):
    assert "http://" in warm(federation_client, "/api/network/cpts/")
    settings.PUBLIC_SCHEME = "https"
    assert "https://" in served(federation_client, "/api/network/cpts/")[0]


def test_links_to_cpts_do_not_depend_on_the_app_server_s_port(kept, alpha, federation_client, settings):
    settings.PUBLIC_PORT = "8443"
    home = federation_client.get("/", SERVER_PORT="8001").content.decode()
    assert f"http://{alpha.host}:8443/" in home and ":8001/" not in home


def test_an_address_with_a_made_up_long_query_is_answered_but_not_kept(kept, alpha, federation_client):
    junk = "x" * 600
    for _ in range(3):
        _, statements, hit = served(federation_client, f"/agenda/?utm_source={junk}")
        assert statements > 0 and not hit
    # The same host in capitals is the same address, not another copy.
    warm(federation_client, "/agenda/")
    response = federation_client.get("/agenda/", HTTP_HOST="LOCALHOST")
    assert response.status_code == 200 and response.get(HIT_HEADER) == "hit"


def test_a_kept_api_answer_is_its_bytes_and_headers_not_the_serializer_s_data(kept, alpha, federation_client):
    import pickle

    first = federation_client.get("/api/network/coverage/")
    warm(federation_client, "/api/network/coverage/")
    stored = [
        pickle.loads(value)[1]  # noqa: S301 (what this test's own cache holds)
        for key, value in cache._cache.items()  # the test settings' local-memory cache: pickled values
        if "federation-answer." in key
    ]
    assert stored and all(type(response) is HttpResponse for response in stored)
    assert not any(hasattr(response, "data") for response in stored)
    again = federation_client.get("/api/network/coverage/")
    assert again.get(HIT_HEADER) == "hit"
    assert (again.content, again["Content-Type"], again["Vary"]) == (
        first.content,
        first["Content-Type"],
        first["Vary"],
    )
