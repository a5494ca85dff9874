"""The public theme in a real browser: Lighthouse's four scores on four page types, and axe-core
at phone and desktop widths on the pages this theme added (legal pages, the demo notice).

Reuses tests/test_browser.py's server (runserver on the test database) and Chromium.
"""

import os

import pytest

from bench.lighthouse import LIGHTHOUSE, below_targets, settled_scores
from tests import test_browser

AXE = test_browser.AXE
# test_browser's fixtures, used here by name: its server, Chromium, and its checks around them.
server = test_browser.server
browser = test_browser.browser
browser_tools = test_browser.browser_tools
public_schema_left_as_found = test_browser.public_schema_left_as_found

pytestmark = pytest.mark.django_db(transaction=False)


@pytest.fixture(scope="module")
def demo_notice(network, django_db_blocker):
    """Alpha as a demo CPTS (committed, the server reads it), then as it was.

    It may start after Playwright's loop, hence async-unsafe calls allowed (as test_browser's
    territory_page does)."""
    from django.db import connection, connections

    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "1"

    from tenants.services import cpts_update

    alpha = network["alpha"]
    with django_db_blocker.unblock():
        cpts_update(cpts=alpha.cpts, demo_notice="CPTS de démonstration, entièrement fictive.")
    connections.close_all()
    yield
    with django_db_blocker.unblock():
        connection.set_schema_to_public()
        cpts_update(cpts=alpha.cpts, demo_notice="")
    connections.close_all()
    del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]


def test_four_page_types_reach_lighthouse_targets(server, network):
    if not os.path.exists(LIGHTHOUSE):
        pytest.fail("Lighthouse manque : `make browser-tools` l'installe dans .ci/lighthouse.", pytrace=False)
    alpha = network["alpha"]
    found = {}
    for url in [
        f"http://localhost:{server}/",
        f"http://localhost:{server}/stages/?q=kine",
        f"http://{alpha.host}:{server}/",
        f"http://{alpha.host}:{server}/mentions-legales/",
    ]:
        scores, failing = settled_scores(url)
        if below_targets(scores):
            found[url] = (scores, failing)
    assert found == {}


@pytest.mark.parametrize(("width", "height"), [(1280, 900), (375, 812)])
def test_legal_pages_and_the_demo_notice_pass_axe_at_both_widths(
    server, browser, network, demo_notice, width, height
):
    alpha = network["alpha"]
    context = browser.new_context(viewport={"width": width, "height": height}, locale="fr-FR")
    page = context.new_page()
    found = {}
    urls = [
        f"http://{host}:{server}{path}"
        for host in (alpha.host, "localhost")
        for path in ("/mentions-legales/", "/donnees-personnelles/", "/accessibilite/", "/demonstration/")
    ]
    for url in [*urls, f"http://{alpha.host}:{server}/"]:
        response = page.goto(url)
        assert response is not None and response.status < 400, url
        page.evaluate(AXE.read_text())
        violations = page.evaluate(
            "axe.run(document, {runOnly: ['wcag2a', 'wcag2aa']})"
            ".then(r => r.violations.map(v => `${v.id}: ${v.nodes[0].target.join(' ')}`))"
        )
        overflow = page.evaluate("document.documentElement.scrollWidth") - width
        found[url] = violations + ([f"{overflow}px wider than the screen"] if overflow > 0 else [])
        if url.endswith(f"{alpha.host}:{server}/"):
            line = page.locator(".demo-notice").inner_text()
            assert "En savoir plus" in line and page.locator(".demo-notice").bounding_box()["height"] < 100
    context.close()
    assert {url: v for url, v in found.items() if v} == {}
