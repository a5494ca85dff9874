"""The demo tells the truth: sourced facts where it claims them, visible fiction everywhere else.

The demo network is loaded once for the module (~8 s), in a transaction rolled
back when the module ends; each test runs in a savepoint of it (pytest-django's
own transaction, nested), so no test sees another's writes.
"""

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection, transaction
from django.test import Client

from content.models import Mandate, ProfessionCount, StandardPage
from cpts_network.demo.region import demo_region_fill
from network.selectors import coverage_by_region
from tenants.models import CPTS


@pytest.fixture(scope="module")
def demo_loaded(network, django_db_blocker):
    """``load_demo_network --no-region``'s output, its network in a transaction open for the module."""
    loading, output = transaction.atomic(), StringIO()
    with django_db_blocker.unblock():
        loading.__enter__()
    try:
        with django_db_blocker.unblock():
            call_command("load_demo_network", "--no-region", stdout=output)
            connection.set_schema_to_public()
        yield output.getvalue()
    finally:
        with django_db_blocker.unblock():
            transaction.set_rollback(True)
            loading.__exit__(None, None, None)
            connection.set_schema_to_public()


@pytest.fixture
def demo(demo_loaded, db):
    return demo_loaded


def test_a_region_fills_with_visibly_fictitious_cpts_and_keeps_zones_blanches(network, db):
    before = coverage_by_region("94").totals
    created = demo_region_fill(region_code="94", size=80)
    # Few schemas in one test transaction: a server at the default max_locks_per_transaction
    # cannot hold the locks of a dozen schema creations at once.
    assert 0 < len(created) <= 6
    assert all(cpts.name.startswith("CPTS fictive ") for cpts in created)
    assert all("CPTS fictive" in cpts.demo_notice for cpts in created)
    after = coverage_by_region("94").totals
    assert after.covered_population > before.covered_population
    assert 0 < after.uncovered_communes < before.uncovered_communes
    assert demo_region_fill(region_code="94", size=80) == []  # a filled region is left as it is


def test_metz_is_built_from_its_public_facts_through_the_import(demo):
    metz = CPTS.objects.get(short_name="metz")
    assert metz.name == "CPTS de Metz et environs"
    assert str(metz.aci_signed_on) == "2020-04-22" and metz.stage == "aci_signed"
    with _schema("metz"):
        body = StandardPage.objects.get(title="Territoire").body
        assert body[0].block_type == "territory_map"  # the map first, then the import's report
        territory = next(b for b in body if b.block_type == "paragraph").value.source
        supply = {c.profession: c for c in ProfessionCount.objects.filter(kind="supply")}
        mandates = list(Mandate.objects.all())
    connection.set_schema_to_public()
    assert "262" in territory and "ORSAS 2016" in territory
    assert "Ancy-Dornot" in territory and "Vervy" in territory  # merged, and left to decide
    assert supply["general_practitioner"].count == 266
    assert str(supply["general_practitioner"].as_of) == "2016-01-01"
    assert "ORSAS 2016" in supply["general_practitioner"].source
    # People by role, names marked as examples: no personal name of a real person.
    assert len(mandates) == 21
    assert all(m.full_name.endswith("(nom d'exemple)") for m in mandates)


def _schema(name):
    from django_tenants.utils import schema_context

    return schema_context(name)


def test_every_demo_site_and_the_federation_home_carry_the_notice(demo):
    for cpts in CPTS.objects.filter(short_name__in=["metz", "strasbourg", "luneville"]):
        page = Client(HTTP_HOST=cpts.primary_host).get("/").content.decode()
        assert "Site de démonstration" in page, cpts.short_name
    assert CPTS.objects.get(short_name="strasbourg").name.startswith("CPTS fictive")
    assert "Site de démonstration" in Client(HTTP_HOST="localhost").get("/").content.decode()
    # The news and the campaign indicator tell the same count.
    metz = Client(HTTP_HOST=CPTS.objects.get(short_name="metz").primary_host)
    metz_home = metz.get("/").content.decode()
    assert "412 tests remis" in metz_home
    # The maps: the territory on the home page and its own page, a campaign's communes on its page.
    assert "Notre territoire" in metz_home and "#c57463" in metz_home
    assert "commune du territoire" in metz.get("/territoire/").content.decode()
    campaign = metz.get("/prevention/revues-de-medication-des-patients-polymediques/").content.decode()
    assert "Woippy (57751) : commune visée par la campagne" in campaign


def test_every_demo_cpts_has_fictitious_members_and_one_application_waiting(demo):
    from members.models import Membership

    for cpts in CPTS.objects.filter(short_name__in=["metz", "strasbourg", "luneville"]):
        with _schema(cpts.schema_name):
            members = list(Membership.objects.all())
        connection.set_schema_to_public()
        assert all("(fictif)" in m.name or "(fictive)" in m.name for m in members)
        assert [m.status for m in members].count("pending") == 1
        accepted = sum(m.status == "accepted" for m in members)
        site = Client(HTTP_HOST=cpts.primary_host)
        figures = site.get("/api/v2/pages/", {"type": "content.HomePage", "fields": "key_figures"}).json()
        assert figures["items"][0]["key_figures"]["member_professionals"] == accepted
        directory = site.get("/api/v2/members/").json()
        assert 0 < len(directory) < accepted  # one member did not consent


def test_the_demo_agenda_shows_the_cpts_and_federation_events_and_a_subscriber_takes_them(demo):
    agenda = Client(HTTP_HOST="localhost").get("/api/network/agenda/").json()["results"]
    sources = {item["source"] for item in agenda}
    assert {"metz", "federation"} <= sources
    assert all("fictif" in item["title"] for item in agenda if item["source"] == "federation")
    # Strasbourg follows the federation automatically: its webinar is a page of Strasbourg's site.
    with _schema("strasbourg"):
        from content.models.pages import EventPage

        taken = EventPage.objects.get(title__startswith="Webinaire de la fédération")
        assert taken.live and taken.source_name == "Fédération de démonstration"
    connection.set_schema_to_public()
    # Loading again adds nothing twice.
    call_command("load_demo_network", "--no-region")
    again = Client(HTTP_HOST="localhost").get("/api/network/agenda/").json()
    assert again["count"] == len(agenda)


def test_a_demo_served_on_another_port_than_it_was_made_for_says_how_to_remake_it(demo, settings):
    """Its links hold the port it was made for: ``make demo DEMO_ADDRESS=…:8102`` on it must say so."""
    same, other = StringIO(), StringIO()
    call_command("load_demo_network", "--no-region", stdout=StringIO(), stderr=same)
    assert same.getvalue() == ""
    settings.PUBLIC_PORT = str(int(settings.PUBLIC_PORT or 80) + 1)
    call_command("load_demo_network", "--no-region", stdout=StringIO(), stderr=other)
    assert "make clean-data" in other.getvalue()


def test_every_demo_cpts_has_its_team_a_page_for_the_bureau_and_one_due_tomorrow(demo):
    from wagtail.models import WorkflowState

    from cpts_network.demo.team import demo_team_accounts

    for cpts in CPTS.objects.filter(short_name__in=["metz", "strasbourg", "luneville"]):
        for role, email, password in demo_team_accounts(cpts.short_name):
            assert email in demo and password in demo  # printed with the access list
            signed = Client(HTTP_HOST=cpts.primary_host).post(
                "/admin/login/", {"username": email, "password": password}
            )
            assert signed.status_code == 302, (cpts.short_name, role)
        with _schema(cpts.schema_name):
            waiting = WorkflowState.objects.filter(status="in_progress").count()
            scheduled = StandardPage.objects.filter(live=False, go_live_at__isnull=False)
            assert waiting == 1 and scheduled.count() == 1
            assert scheduled.get().get_latest_revision().approved_go_live_at is not None
        connection.set_schema_to_public()


def test_the_demo_observatory_shows_metz_s_open_values_and_the_small_number_rule(demo, client):
    host = {"HTTP_HOST": "localhost"}
    catalogue = {e["code"]: e["years"] for e in client.get("/api/network/observatory/", **host).json()}
    shared = [code for code, years in catalogue.items() if 2025 in years]
    assert {"patients-mt-trouves", "protocoles-en-vigueur", "actions-prevention"} <= set(shared)
    api = "/api/network/observatory/patients-mt-trouves/departments/57/"
    data = client.get(api, {"year": 2025}, **host).json()
    assert [(v["short_name"], v["value"]) for v in data["values"]] == [("metz", "150.00")]
    # One CPTS in Moselle: its figures are hidden, and the page says why.
    assert data["area"]["hidden_reason"] == "moins de 3 CPTS ont partagé cette valeur"
    page = client.get("/observatoire/patients-mt-trouves/", {"departement": "57"}, **host).content.decode()
    assert "secret statistique : moins de 3 CPTS ont partagé cette valeur" in page
