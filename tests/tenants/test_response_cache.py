"""Answers kept for anonymous visitors, until the rows they were made from change.

Through HTTP with the CPTS's Host header; writes go through the services an
editor's or a member's request uses, and their commit hooks run as on commit.
"""

import re

import pytest
from django.core.cache import cache
from django.db import connection, connections
from django.test import Client
from django.test.utils import CaptureQueriesContext

from content.models import HomePage
from content.services import territory_add_communes
from tenants.schema_versions import (
    NETWORK,
    TABLES_NEVER_SHOWN,
    site_public_reads,
    table_version,
    versions_get,
    versions_written,
)
from tenants.services import domain_add


@pytest.fixture
def kept(settings):
    settings.CPTS_RESPONSE_CACHE_SECONDS = 300
    cache.clear()
    yield
    cache.clear()


def served(client: Client, path: str = "/", **headers) -> tuple[str, int]:
    """The page's text and how many statements serving it took, beyond finding the Host's CPTS."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path, **headers)
    assert response.status_code == 200, response.content[:300]
    # Routes are kept only with a shared cache (tenants.routing); the test run looks them up.
    routing = [
        q for q in queries.captured_queries if "tenants_domain" in q["sql"] or q["sql"].startswith("SET ")
    ]
    return response.content.decode(), len(queries) - len(routing)


def test_a_home_page_is_kept_until_its_cpts_publishes(
    alpha, alpha_client, kept, django_capture_on_commit_callbacks
):
    first, statements = served(alpha_client)
    assert statements > 5
    again, statements = served(alpha_client)
    assert (again, statements) == (first, 0)
    with alpha.context(), django_capture_on_commit_callbacks(execute=True):
        home = HomePage.objects.get()
        home.introduction = "<p>Nouvelle présentation de la CPTS</p>"
        home.save_revision().publish()
    connection.set_schema_to_public()
    after, statements = served(alpha_client)
    assert "Nouvelle présentation de la CPTS" in after and statements > 5
    assert served(alpha_client)[1] == 0


def test_another_cpts_publishing_leaves_the_kept_answer_alone(
    alpha, beta, alpha_client, kept, django_capture_on_commit_callbacks
):
    served(alpha_client)
    with beta.context(), django_capture_on_commit_callbacks(execute=True):
        home = HomePage.objects.get()
        home.introduction = "<p>Chez Beta</p>"
        home.save_revision().publish()
    connection.set_schema_to_public()
    assert served(alpha_client)[1] == 0


def test_a_territory_edit_reaches_the_pages_that_show_it(
    alpha, alpha_client, kept, django_capture_on_commit_callbacks
):
    before, _ = served(alpha_client, "/api/v2/territory/")
    with alpha.context(), django_capture_on_commit_callbacks(execute=True):
        territory_add_communes(cpts=alpha.cpts, codes=["57463"])
    connection.set_schema_to_public()
    after, statements = served(alpha_client, "/api/v2/territory/")
    assert "57463" in after and "57463" not in before and statements > 0


def test_a_public_table_sites_read_gives_the_network_a_new_version(
    alpha, kept, django_capture_on_commit_callbacks
):
    before = versions_get(alpha.schema_name)
    # Another CPTS's territory changes the overlaps every site's map shows.
    with django_capture_on_commit_callbacks(execute=True), connection.cursor() as cursor:
        cursor.execute("UPDATE network_commune SET cover_count = cover_count WHERE code = '57463'")
    assert versions_get(alpha.schema_name) != before
    # A sign-in attempt or a session changes nothing a page shows.
    assert versions_written('INSERT INTO "django_session" VALUES (1)', alpha.schema_name) == set()
    page_write = 'UPDATE "wagtailcore_page" SET title = 1'
    assert versions_written(page_write, alpha.schema_name) == {alpha.schema_name}
    assert versions_written('UPDATE "network_territoryclaim" SET x = 1', alpha.schema_name) == {
        NETWORK,
        table_version("network_territoryclaim"),
    }
    assert versions_written('UPDATE "syndication_networkpost" SET x = 1', alpha.schema_name) == {
        table_version("syndication_networkpost")
    }
    # Writes a statement makes beyond its first word: in a WITH, and every table a TRUNCATE names.
    assert versions_written(
        "WITH c AS (SELECT 1) UPDATE network_commune u SET cover_count = 1 FROM c", "public"
    ) == {NETWORK, table_version("network_commune")}
    assert versions_written('TRUNCATE "network_unitclaim", public.network_commune CASCADE', "public") >= {
        table_version("network_unitclaim"),
        table_version("network_commune"),
    }


def test_a_write_rolled_back_to_a_savepoint_still_leaves_the_next_one_announced(
    alpha, kept, django_capture_on_commit_callbacks
):
    from django.db import transaction

    before = versions_get(alpha.schema_name)
    with alpha.context(), django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        sid = transaction.savepoint()
        HomePage.objects.update(seo_title="essai")
        transaction.savepoint_rollback(sid)
        HomePage.objects.update(seo_title="retenu")
    connection.set_schema_to_public()
    assert versions_get(alpha.schema_name) != before


def test_forms_signed_in_visitors_and_the_admin_are_never_kept(alpha, alpha_client, kept):
    from tests.conftest import login

    served(alpha_client)
    login(alpha_client, alpha)
    # Signed in: the session cookie goes round the cache.
    assert served(alpha_client)[1] > 0
    assert served(alpha_client, "/admin/")[1] > 0
    assert served(alpha_client, "/admin/")[1] > 0


def test_a_draft_opened_by_its_preview_token_is_never_kept(alpha, alpha_client, kept):
    from content.preview import preview_token
    from content.services import standard_page_publish

    with alpha.context():
        page = standard_page_publish(parent=HomePage.objects.get(), title="Publié", body="<p>v1</p>")
        page.title = "Brouillon"
        page.save_revision()
        token = preview_token(page=page)
    connection.set_schema_to_public()
    path = f"/api/v2/page_preview/?token={token}"
    draft, _ = served(alpha_client, path)
    assert '"Brouillon"' in draft
    assert served(alpha_client, path)[1] > 0
    assert "no-store" in alpha_client.get(path)["Cache-Control"]


def test_every_public_table_a_cpts_site_reads_is_declared(network, db, settings):
    """Serve every page and API of a full demo site and list the public tables it read.

    A public table read but not declared (``site_public_reads_register``) would
    let a kept answer outlive its rows: declare it where the page reading it lives.
    """
    from django.core.management import call_command
    from django_tenants.utils import schema_context
    from wagtail.models import Page

    from tenants.models import CPTS

    call_command("load_demo_network", "--no-region")
    metz = CPTS.objects.get(short_name="metz")
    with connection.cursor() as cursor:
        cursor.execute("SELECT tablename FROM pg_tables WHERE schemaname = %s", [metz.schema_name])
        schema_tables = {row[0] for row in cursor.fetchall()}
    with schema_context(metz.schema_name):
        paths = [page.url for page in Page.objects.live().public().specific() if page.url]
    paths += [
        "/api/v2/pages/?fields=*",
        "/api/v2/territory/",
        "/api/v2/governance/",
        "/api/v2/members/",
        "/api/v2/missions/",
        "/api/v2/funding/",
        "/api/v2/site/",
        "/api/v2/redirects/",
        "/agenda.ics",
        "/sitemap.xml",
        "/recherche/?q=sante",
    ]
    client = Client(HTTP_HOST=metz.primary_host)
    public_reads = set()
    for path in paths:
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path)
        assert response.status_code == 200, path
        for query in queries.captured_queries:
            if query["sql"].lstrip().upper().startswith(("SELECT", "WITH")):
                tables = set(re.findall(r'(?:FROM|JOIN)\s+"(\w+)"', query["sql"]))
                public_reads |= tables - schema_tables
    undeclared = public_reads - site_public_reads() - TABLES_NEVER_SHOWN
    assert not undeclared, f"tables publiques lues par un site CPTS, non déclarées : {sorted(undeclared)}"
    assert {"network_commune", "tenants_cpts"} <= public_reads


def test_a_connection_that_visited_more_cpts_schemas_than_allowed_is_closed_between_requests(
    alpha, beta, settings
):
    """The bound counts CPTS schemas, not the public one every request visits, and closes past it.

    A bound at the number of CPTS must keep a connection that has met each of
    them: counting the public schema closed it at the last one.
    """
    settings.CPTS_CONNECTION_MAX_SCHEMAS = 1
    own = connections.create_connection("default")
    # Persistent, as app servers run it (CONN_MAX_AGE=0 closes after every request anyway).
    own.settings_dict = {**own.settings_dict, "CONN_MAX_AGE": 60}
    try:
        for schema in ("public", alpha.schema_name):
            own.set_schema(schema)
            with own.cursor() as cursor:
                cursor.execute("SELECT 1")
        own.close_if_unusable_or_obsolete()
        assert own.connection is not None and own.schemas_visited == {"public", alpha.schema_name}
        own.set_schema(beta.schema_name)
        with own.cursor() as cursor:
            cursor.execute("SELECT 1")
        own.close_if_unusable_or_obsolete()
        assert own.connection is None
        with own.cursor() as cursor:
            cursor.execute("SELECT 1")
        assert own.schemas_visited == {beta.schema_name}
    finally:
        own.close()


def test_each_address_of_a_cpts_keeps_its_own_answer(alpha, kept):
    """An answer is found again only at the address it was made at, host and port included.

    The routing middleware hands the response cache the Host it validated;
    the key must still tell a CPTS's domains and ports apart, as Django's
    absolute URL did.
    """
    domain_add(cpts=alpha.cpts, domain=f"second-{alpha.host}")
    path = "/api/v2/pages/?type=content.HomePage"
    addresses = [alpha.host, f"second-{alpha.host}", f"{alpha.host}:8000"]
    for address in addresses:
        statements = served(Client(HTTP_HOST=address), path)[1]
        assert statements > 0, f"{address} was served another address's answer"
    for address in addresses:
        assert served(Client(HTTP_HOST=address), path)[1] == 0
    # Another query string is another answer too.
    assert served(Client(HTTP_HOST=alpha.host), path + "&fields=title")[1] > 0
