"""Today's new pages in a real browser: Debian's Chromium, headless, driven by Playwright against
``manage.py runserver`` on the test database (tests/test_browser.py's server and browser).

« Soins non programmés », « Trouver un professionnel » (a CPTS's and the network's), the
observatory, the ACI year and its sharing screen, and the legal pages, each at a phone's and a
desktop's width with an English browser: axe-core's WCAG 2 A and AA rules find nothing, no page
trips the Content-Security-Policy, and none is wider than the screen. What the pages show is
committed for the server first, then removed.
"""

import datetime
import os
from decimal import Decimal

import pytest
from django.db import connection, connections

from tests.test_browser import AXE, LISTEN, _sign_in
from tests.test_browser import browser as browser  # the fixtures
from tests.test_browser import browser_tools as browser_tools
from tests.test_browser import public_schema_left_as_found as public_schema_left_as_found
from tests.test_browser import server as server

WIDTHS = [(375, 812), (1280, 900)]
INDICATOR = "actions-prevention"
FILTERS = "profession=physiotherapist&language=en&new_patients=1&step_free=1"
SCREENSHOTS = os.environ.get("NEW_PAGES_SCREENSHOTS")  # a folder: each page's picture, to look at
RUN_AXE = (
    "axe.run({selector}, {{runOnly: ['wcag2a', 'wcag2aa']}})"
    ".then(r => r.violations.map(v => `${{v.id}}: ${{v.nodes.map(n => n.target.join(' ')).join(', ')}}`))"
)
# A table running past the screen's edge is cut unless an ancestor scrolls it sideways.
CUT_TABLES = """[...document.querySelectorAll('table')].filter(table => {
  if (table.getBoundingClientRect().right <= window.innerWidth + 1) return false;
  for (let e = table.parentElement; e; e = e.parentElement) {
    if (['auto', 'scroll'].includes(getComputedStyle(e).overflowX)) return false;
  }
  return true;
}).map(table => `table cut at the screen's edge: ${(table.caption || table).innerText.slice(0, 40)}`)"""


def _care_page_publish():
    from content.models import HomePage
    from tests.unscheduled_care.conftest import MONTIGNY, WEEKDAYS, place
    from unscheduled_care.services import unscheduled_care_page_publish

    # A second place without a phone, open on Saturdays: the page's other shape of card.
    saturdays = [{"days": [*WEEKDAYS, "saturday"], "opens": "08:30", "closes": "20:00"}]
    second = place(name="Centre (fictif)", kind="centre", commune=MONTIGNY, postal_code="57950", phone="")
    second.update(latitude=49.1003, longitude=6.1541, hours=saturdays, access=["walk_in"])
    return unscheduled_care_page_publish(
        parent=HomePage.objects.get(), title="Soins non programmés", places=[place(), second]
    )


def _member_list():
    """An accepted member listed in the directory, with what they declared, and the page."""
    from content.models import HomePage
    from content.services import page_publish
    from members.counts import member_counts_publish
    from members.directory_services import directory_entry_update
    from members.models import DirectoryPage, Membership
    from members.professional_copy import professional_copy_refresh
    from network.models import Commune

    directory = page_publish(parent=HomePage.objects.get(), page=DirectoryPage(title="Annuaire"))
    member = Membership.objects.create(
        kind="professional",
        status=Membership.Status.ACCEPTED,
        name="Camille Exemple (fictif)",
        profession="physiotherapist",
        structure="Cabinet des Arènes (fictif)",
        address="1 rue d'Exemple",
        commune=Commune.objects.get(pk="57480"),
        email="camille@exemple.test",
        directory_consent=True,
        directory_contact="03 00 00 00 00",
        statutes_version="statuts du 1er mars 2026",
        member_since=datetime.date.today(),
    )
    professional_copy_refresh(member)
    directory_entry_update(
        membership=member, accepts_new_patients=True, languages=["en", "de"], step_free_access=True
    )
    member_counts_publish()
    return directory, member


def _aci_year_open(alpha):
    """Alpha's 2025 year with typed values, as tests/aci/conftest.py's ``year_2025`` makes it."""
    from aci.copy import aci_year_publish
    from aci.models import AciIndicatorYear, Source
    from aci.services import aci_year_open
    from content.models import MissionIndicator
    from tests.aci.conftest import VALUES

    indicators = [
        MissionIndicator.objects.create(mission=mission, name=name, target=target)
        for name, (mission, target, _, _) in VALUES.items()
    ]
    aci_year = aci_year_open(cpts=alpha.cpts, year=2025)
    for row in AciIndicatorYear.objects.filter(aci_year=aci_year).select_related("indicator"):
        _, _, weight, value = VALUES[row.indicator.name]
        row.weight, row.value, row.source = weight, value, Source.TYPED
        row.save()
    aci_year_publish(aci_year=aci_year, cpts=alpha.cpts)
    return aci_year, indicators


def _observatory_share() -> list:
    """Four CPTS of Moselle (records without a schema) sharing a value in the public copy."""
    from network.observatory import SharedIndicatorValue
    from tests.observatory.test_rollups import cpts

    records = [cpts(name, "57") for name in ("obsmetz", "obsthionville", "obssarreguemines", "obsforbach")]
    for record, value in zip(records, (10, 20, 30, 40), strict=True):
        SharedIndicatorValue.objects.create(
            cpts=record, indicator_id=INDICATOR, year=2025, value=Decimal(value), audience="open"
        )
    return records


@pytest.fixture(scope="module")
def published(network, django_db_blocker):
    """What the pages show, committed for the server, then removed (Alpha's contract restored)."""
    from aci.copy import aci_copies_withdraw
    from content.services import territory_add_communes, territory_remove_communes
    from members.counts import member_counts_publish
    from members.services import directory_consent_withdraw
    from tenants.models import CPTS

    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "1"  # Playwright's loop runs in this thread
    alpha = network["alpha"]
    contract = (alpha.cpts.aci_signed_on, alpha.cpts.stage)
    with django_db_blocker.unblock():
        CPTS.objects.filter(pk=alpha.cpts.pk).update(
            aci_signed_on=datetime.date(2024, 4, 22), stage="aci_signed"
        )
        alpha.cpts.refresh_from_db()
        with alpha.context():
            territory_add_communes(cpts=alpha.cpts, codes=["57463", "57480"])
            care = _care_page_publish()
            directory, member = _member_list()
            aci_year, indicators = _aci_year_open(alpha)
            urls = {"care": care.url, "directory": directory.url}
        connection.set_schema_to_public()
        records = _observatory_share()
    connections.close_all()
    yield urls
    with django_db_blocker.unblock():
        with alpha.context():
            directory_consent_withdraw(membership=member)
            member.delete()
            member_counts_publish()
            for page in (care, directory):
                page.refresh_from_db()
                page.delete()
            aci_year.delete()
            for indicator in indicators:
                indicator.delete()
            territory_remove_communes(cpts=alpha.cpts, codes=["57463", "57480"])
        connection.set_schema_to_public()
        aci_copies_withdraw(alpha.cpts)
        for record in records:
            record.delete()
        CPTS.objects.filter(pk=alpha.cpts.pk).update(aci_signed_on=contract[0], stage=contract[1])
        alpha.cpts.aci_signed_on, alpha.cpts.stage = contract
    connection.set_schema_to_public()
    connections.close_all()
    del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]


def _findings(page, url: str, *, width: int, within: str = "document") -> list[str]:
    response = page.goto(url)
    assert response is not None and response.status < 400, (url, response and response.status)
    page.wait_for_load_state("networkidle")
    if SCREENSHOTS:
        name = url.split("//", 1)[1].replace("/", "_").replace("?", "_").replace(":", "_")
        page.screenshot(path=f"{SCREENSHOTS}/{width}-{name}.png", full_page=True)
    page.evaluate(AXE.read_text())
    found = page.evaluate(RUN_AXE.format(selector=within))
    found += [f"CSP {v}" for v in page.evaluate("window.__violations")]
    found += page.evaluate(CUT_TABLES)
    overflow = page.evaluate("document.documentElement.scrollWidth") - width
    return found + ([f"{overflow}px wider than the screen"] if overflow > 0 else [])


def _english_page(browser, width: int, height: int):
    context = browser.new_context(viewport={"width": width, "height": height}, locale="en-US")
    context.add_init_script(LISTEN)
    return context, context.new_page()


@pytest.mark.parametrize(("width", "height"), WIDTHS)
def test_the_new_public_pages_pass_axe_and_the_policy(server, browser, network, published, width, height):
    alpha = f"http://{network['alpha'].host}:{server}"
    federation = f"http://localhost:{server}"
    context, page = _english_page(browser, width, height)
    found = {
        url: _findings(page, url, width=width)
        for url in [
            alpha + published["care"],
            alpha + published["directory"],
            alpha + published["directory"] + "?" + FILTERS,
            alpha + published["directory"] + "?commune=Metz",
            federation + "/professionnels/",
            federation + "/professionnels/?profession=physiotherapist&department=57&new_patients=1",
            federation + "/trouver-ma-cpts/?q=57000",
            federation + "/observatoire/",
            federation + f"/observatoire/{INDICATOR}/?departement=57",
            federation + "/observatoire/champs/",
            *(
                base + path
                for base in (alpha, federation)
                for path in ("/mentions-legales/", "/donnees-personnelles/", "/accessibilite/")
            ),
        ]
    }
    context.close()
    assert {url: v for url, v in found.items() if v} == {}


@pytest.mark.parametrize(("width", "height"), WIDTHS)
def test_the_aci_year_and_its_sharing_screen_pass_axe_and_the_policy(
    server, browser, network, published, width, height
):
    """Signed in as Alpha's coordinator; axe reads the screen's ``main`` (Wagtail's frame is Wagtail's)."""
    alpha = network["alpha"]
    context, page = _english_page(browser, width, height)
    _sign_in(page, alpha.host, server, alpha)
    base = f"http://{alpha.host}:{server}/admin/aci-years/2025/"
    found = {url: _findings(page, url, width=width, within="'main'") for url in (base, base + "sharing/")}
    context.close()
    assert {url: v for url, v in found.items() if v} == {}
