"""The coverage pages in a real browser: axe-core's WCAG 2 A and AA rules at phone and desktop
widths, no policy violation, and the map's hint and focus seen as a keyboard user meets them.

The server, browser and committed-network fixtures are tests/test_browser.py's own.
"""

import pytest

from tests.conftest import totp_now
from tests.test_browser import AXE, LISTEN
from tests.test_browser import browser as browser  # the fixtures
from tests.test_browser import browser_tools as browser_tools
from tests.test_browser import database_beside_playwright as database_beside_playwright
from tests.test_browser import public_schema_left_as_found as public_schema_left_as_found
from tests.test_browser import server as server
from tests.test_browser import territory_page as territory_page

RUN_AXE = (
    "axe.run({selector}, {{runOnly: ['wcag2a', 'wcag2aa']}})"
    ".then(r => r.violations.map(v => `${{v.id}}: ${{v.nodes[0].target.join(' ')}}`))"
)


def axe_findings(page, url: str, *, width: int, within: str = "document") -> list[str]:
    response = page.goto(url)
    assert response is not None and response.status < 400, url
    page.wait_for_load_state("networkidle")
    page.evaluate(AXE.read_text())
    found = page.evaluate(RUN_AXE.format(selector=within))
    found += page.evaluate("window.__violations")
    overflow = page.evaluate("document.documentElement.scrollWidth") - width
    return found + ([f"{overflow}px wider than the screen"] if overflow > 0 else [])


@pytest.mark.parametrize(("width", "height"), [(1280, 900), (375, 812)])
def test_the_public_coverage_pages_pass_axe(server, browser, territory_page, width, height):
    context = browser.new_context(viewport={"width": width, "height": height}, locale="fr-FR")
    context.add_init_script(LISTEN)
    page = context.new_page()
    base = f"http://localhost:{server}"
    found = {
        url: axe_findings(page, base + url, width=width)
        for url in [
            "/",
            "/?region=44",
            "/couverture/57/?definition=any",
            "/?region=44&definition=health_project",
        ]
    }
    # The hint is seen, and a keyboard user reaches a department and sees where the focus is.
    page.goto(base + "/?region=44")
    assert page.locator(".map-hint").is_visible()
    page.locator(".map-clickable a").first.focus()
    assert page.evaluate("document.activeElement.closest('.map-clickable') !== null")
    context.close()
    assert {url: v for url, v in found.items() if v} == {}


@pytest.mark.parametrize(("width", "height"), [(1280, 900), (375, 812)])
def test_the_analysts_coverage_screens_pass_axe(server, browser, database_beside_playwright, width, height):
    from django.contrib.auth import get_user_model

    from network.federation_accounts import federation_accounts_delete
    from network.second_factor import second_factor_enrol

    with database_beside_playwright():
        user = get_user_model().objects.create_superuser(f"axe-{width}", f"axe{width}@fed.test", "pw-fed-123")
        factor = second_factor_enrol(user=user)
    try:
        context = browser.new_context(viewport={"width": width, "height": height}, locale="fr-FR")
        context.add_init_script(LISTEN)
        page = context.new_page()
        base = f"http://localhost:{server}/admin"
        page.goto(f"{base}/login/")
        page.fill("input[name=username]", f"axe-{width}")
        page.fill("input[name=password]", "pw-fed-123")
        page.fill("input[name=otp_token]", totp_now(factor.secret))
        page.click("[type=submit]")
        page.wait_for_url(f"{base}/")
        found = {
            path: axe_findings(page, base + path, width=width, within="'#content-main'")
            for path in [
                "/coverage/",
                "/coverage/?region=44",
                "/coverage/?department=57&definition=any",
                "/coverage/?department=57&cpts=alpha",
            ]
        }
        context.close()
    finally:
        with database_beside_playwright():
            federation_accounts_delete([user])
    # The admin's own frame is Django's (its tables scroll sideways on a phone); the screen's content
    # (#content-main) is ours, and axe finds nothing in it.
    kept = {path: [v for v in items if "wider than" not in v] for path, items in found.items()}
    assert {path: items for path, items in kept.items() if items} == {}
