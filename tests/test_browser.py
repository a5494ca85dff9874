"""What people see, in a real browser: Debian's Chromium, headless, driven by Playwright.

A real server (``manage.py runserver``) serves the test database, whose two
CPTS were committed by the session fixture. Every page is loaded with a
listener for ``securitypolicyviolation``: the public theme runs under the
enforced Content-Security-Policy, the admins under the same policy as
report-only, and neither may trip it.
"""

import os
import shutil
from contextlib import contextmanager
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
LISTEN = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (e) => {
  const where = `${e.sourceFile}:${e.lineNumber}`;
  window.__violations.push(`${e.disposition} ${e.effectiveDirective} ${e.blockedURI} ${where}`);
});
"""

AXE = ROOT / ".ci" / "axe" / "node_modules" / "axe-core" / "axe.min.js"
# What to install, in the words of `make browser-tools` (the Makefile's `test` runs it first).
NEEDED = {
    CHROMIUM: "Chromium (Debian : apt-get install chromium)",
    AXE: "axe-core (npm install --prefix .ci/axe axe-core@4)",
}


@pytest.fixture(scope="module", autouse=True)
def browser_tools():
    """No silent skip: without Chromium or axe-core these tests fail and say what to install."""
    missing = [what for path, what in NEEDED.items() if not os.path.exists(path)]
    if missing:
        pytest.fail(
            "Tests du navigateur : il manque " + " et ".join(missing) + ". `make browser-tools` les installe."
            " / Browser tests: missing " + " and ".join(missing) + "; `make browser-tools` installs them.",
            pytrace=False,
        )


@pytest.fixture(scope="module", autouse=True)
def public_schema_left_as_found(network, django_db_blocker):
    """These tests commit: the server's sign-ins and the territory page write the federation's
    journal, sessions and sign-in log. What they added goes at the end, so no later test (on
    this database, in any order) finds it."""
    from axes.models import AccessLog
    from django.contrib.sessions.models import Session
    from django.db import connection, connections

    from tenants.models import AuditEntry

    with django_db_blocker.unblock():
        connection.set_schema_to_public()
        last = {
            model: model.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
            for model in (AuditEntry, AccessLog)
        }
        sessions = set(Session.objects.values_list("pk", flat=True))
    yield
    with django_db_blocker.unblock():
        connection.set_schema_to_public()
        for model, pk in last.items():
            model.objects.filter(pk__gt=pk).delete()
        Session.objects.exclude(pk__in=sessions).delete()
    connections.close_all()


@pytest.fixture(scope="module")
def server(network, django_db_blocker):
    from django.db import connection

    from tests.conftest import server_url
    from tests.live_server import free_port, runserver

    port = free_port()
    with django_db_blocker.unblock():
        url = server_url(connection.settings_dict["NAME"])
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "DATABASE_URL": url,
        "PUBLIC_PORT": str(port),
    }
    with runserver(ROOT, environment, port, "--insecure"):
        yield port


@pytest.fixture(scope="module")
def territory_page(network, django_db_blocker):
    """Alpha's territory and a page opened by its map, committed for the browser, then removed.

    Module-scoped, so it may start after Playwright's loop (see database_beside_playwright).
    """
    from django.db import connection, connections

    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "1"

    from content.models import HomePage
    from content.services import standard_page_publish, territory_add_communes, territory_remove_communes

    alpha, codes = network["alpha"], ["57463", "57480"]
    with django_db_blocker.unblock(), alpha.context():
        territory_add_communes(cpts=alpha.cpts, codes=codes)
        page = standard_page_publish(
            parent=HomePage.objects.get(), title="Territoire", body="", territory_map=True
        )
        url = page.url
    connection.set_schema_to_public()
    connections.close_all()
    yield url
    with django_db_blocker.unblock(), alpha.context():
        page.delete()
        territory_remove_communes(cpts=alpha.cpts, codes=codes)
    connection.set_schema_to_public()
    connections.close_all()
    del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-sync"],
        )
        yield chromium
        chromium.close()


def visit(page, url: str) -> list[str]:
    response = page.goto(url)
    assert response is not None and response.status < 400, (url, response and response.status)
    page.wait_for_load_state("networkidle")
    return page.evaluate("window.__violations")


def _page(browser):
    context = browser.new_context()
    context.add_init_script(LISTEN)
    return context, context.new_page()


@pytest.mark.parametrize(("width", "height"), [(1280, 900), (390, 844)])
def test_public_pages_are_accessible_and_fit_a_phone(server, browser, network, territory_page, width, height):
    """axe-core's WCAG 2 A and AA rules on the public pages, the maps included, at desktop and
    phone widths, and no page wider than the screen."""
    alpha = network["alpha"]
    context = browser.new_context(viewport={"width": width, "height": height}, locale="fr-FR")
    page = context.new_page()
    found = {}
    for url in [
        f"http://localhost:{server}/",
        f"http://localhost:{server}/couverture/57/",
        f"http://localhost:{server}/stages/?q=kine",
        f"http://localhost:{server}/stages/?near=Metz&within=30",
        f"http://localhost:{server}/trouver-ma-cpts/?q=57000",
        f"http://{alpha.host}:{server}{territory_page}",
        f"http://localhost:{server}/agenda/",
        f"http://localhost:{server}/actualites/",
        f"http://{alpha.host}:{server}/",
        f"http://{alpha.host}:{server}/recherche/?q=sante",
        # A query the fields allow, in one word, echoed back: it wraps.
        f"http://localhost:{server}/stages/?q={'kine' * 75}",
        f"http://localhost:{server}/trouver-ma-cpts/?q={'x' * 99}",
        f"http://{alpha.host}:{server}/recherche/?q={'sante' * 50}",
    ]:
        response = page.goto(url)
        assert response is not None and response.status < 400, url
        page.evaluate(AXE.read_text())
        violations = page.evaluate(
            "axe.run(document, {runOnly: ['wcag2a', 'wcag2aa']})"
            ".then(r => r.violations.map(v => `${v.id}: ${v.nodes[0].target.join(' ')}`))"
        )
        overflow = page.evaluate("document.documentElement.scrollWidth") - width
        found[url] = violations + ([f"{overflow}px wider than the screen"] if overflow > 0 else [])
    context.close()
    assert {url: v for url, v in found.items() if v} == {}


def test_public_pages_run_without_a_policy_violation(server, browser, network, territory_page):
    alpha = network["alpha"]
    context, page = _page(browser)
    found = {
        url: visit(page, url)
        for url in [
            f"http://localhost:{server}/",
            f"http://localhost:{server}/couverture/57/",
            f"http://localhost:{server}/stages/?q=kine",
            f"http://localhost:{server}/stages/?near=Metz&within=30",
            f"http://localhost:{server}/trouver-ma-cpts/?q=Nancy",
            f"http://{alpha.host}:{server}{territory_page}",
            f"http://localhost:{server}/agenda/",
            f"http://localhost:{server}/actualites/",
            f"http://{alpha.host}:{server}/",
            f"http://{alpha.host}:{server}/recherche/?q=sante",
            f"http://localhost:{server}/admin/login/",
            f"http://{alpha.host}:{server}/admin/login/",
        ]
    }
    context.close()
    violations = {url: v for url, v in found.items() if v}
    assert violations == {}, "\n".join(f"{url}: {v}" for url, v in violations.items())


def _sign_in(page, host: str, port: int, tenant) -> None:
    visit(page, f"http://{host}:{port}/admin/login/")
    page.fill("input[name=username]", tenant.coordinator_email)
    page.fill("input[name=password]", tenant.password)
    page.click("button[type=submit]")
    page.wait_for_url(f"http://{host}:{port}/admin/")


@pytest.fixture
def database_beside_playwright(monkeypatch, django_db_blocker):
    """Database reads in a test that drives the browser. Playwright's sync API keeps an event
    loop in this thread, which Django takes for async code (these reads are plain sync code),
    and Django's connections are per context there: the one opened is closed after use, or the
    test database could not be dropped at the end of the run."""
    from django.db import connections

    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "1")

    @contextmanager
    def reads():
        with django_db_blocker.unblock():
            try:
                yield
            finally:
                connections.close_all()

    return reads


def test_the_cpts_admin_runs_under_the_enforced_policy(server, browser, network, database_beside_playwright):
    """Wagtail's own inline scripts (date choosers, inline panels) are replaced by markers that
    content/static/content/admin-start.js starts: the admin works and trips nothing."""
    from content.models import HomePage

    alpha = network["alpha"]
    with database_beside_playwright(), alpha.context():
        home = HomePage.objects.get().pk
    base = f"http://{alpha.host}:{server}/admin"
    context, page = _page(browser)
    _sign_in(page, alpha.host, server, alpha)
    found = {"/admin/": page.evaluate("window.__violations")}
    for path in [
        "/pages/",
        f"/pages/{home}/edit/",
        "/territory/",
        "/members/",
        "/aci/",
        "/sign-ins/",
        "/images/",
        "/content/mandate/create/",
        "/content/webhookendpoint/create/",
        "/content/webhookdelivery/",
        "/network/",
        f"/pages/add/content/contactpage/{home}/",
    ]:
        found[path] = visit(page, f"{base}{path}")

    # An inline panel started from its marker: "add" makes a new field form.
    fields = page.locator("[id^=id_form_fields-][id$=-label]")
    before = fields.count()
    page.click("#id_form_fields-ADD")
    page.wait_for_function(
        f"document.querySelectorAll('[id^=id_form_fields-][id$=-label]').length > {before}"
    )

    # A date chooser started from its marker opens its calendar.
    found["health project"] = visit(page, f"{base}/pages/add/content/healthprojectpage/{home}/")
    page.click("#id_validated_on")
    page.wait_for_selector(".xdsoft_datetimepicker >> visible=true")
    found["health project"] += page.evaluate("window.__violations")
    context.close()

    assert {path: v for path, v in found.items() if v} == {}


def test_the_commune_chooser_suggests_then_shows_the_commune_on_the_map(server, browser, network):
    """Typing in the territory's search lists communes (accessible-autocomplete); choosing one
    shows it on the territory's map, not yet added."""
    alpha = network["alpha"]
    context, page = _page(browser)
    _sign_in(page, alpha.host, server, alpha)
    visit(page, f"http://{alpha.host}:{server}/admin/territory/")
    page.fill("#q", "woip")
    option = page.locator(".autocomplete__option", has_text="Woippy (Moselle, 57751")
    option.wait_for()
    assert page.get_attribute("#q", "aria-expanded") == "true"
    option.click()
    page.wait_for_url("**/admin/territory/?q=57751")
    assert page.locator('use.com-candidate[href$="#c57751"]').count() == 1
    assert page.evaluate("window.__violations") == []
    context.close()


def test_the_federation_admin_runs_under_the_enforced_policy(
    server, browser, network, database_beside_playwright
):
    from django.contrib.auth import get_user_model

    from network.federation_accounts import federation_accounts_delete
    from network.second_factor import second_factor_enrol
    from tests.conftest import totp_now

    alpha = network["alpha"]
    with database_beside_playwright():
        user = get_user_model().objects.create_superuser(
            "browser-fed", "browser@federation.test", "pw-fed-123"
        )
        factor = second_factor_enrol(user=user)
    try:
        context, page = _page(browser)
        base = f"http://localhost:{server}/admin"
        visit(page, f"{base}/login/")
        page.fill("input[name=username]", "browser-fed")
        page.fill("input[name=password]", "pw-fed-123")
        page.fill("input[name=otp_token]", totp_now(factor.secret))
        page.click("[type=submit]")
        page.wait_for_url(f"{base}/")
        found = {"/admin/": page.evaluate("window.__violations")}
        for path in [
            "/coverage/",
            "/coverage/?region=44",
            "/campaigns/",
            "/tenants/cpts/",
            f"/tenants/cpts/{alpha.cpts.pk}/change/",
            "/tenants/auditentry/",
            "/auth/user/",
            "/syndication/networkpost/add/",
        ]:
            found[path] = visit(page, f"{base}{path}")
        context.close()
    finally:
        with database_beside_playwright():
            federation_accounts_delete([user])
    assert {path: v for path, v in found.items() if v} == {}


def test_the_site_import_screen_simulates_a_plone_export_accessibly(server, browser, network):
    """A coordinator sends the Plone fixture from the browser and reads the dry run's report:
    the screen (Wagtail's frame aside, which is Wagtail's) passes axe's WCAG 2 A and AA rules
    before and after, and trips no policy. A dry run writes nothing: nothing to clean up."""
    alpha = network["alpha"]
    context, page = _page(browser)
    _sign_in(page, alpha.host, server, alpha)

    def audit() -> list[str]:
        page.evaluate(AXE.read_text())
        return page.evaluate(
            "axe.run('main', {runOnly: ['wcag2a', 'wcag2aa']})"
            ".then(r => r.violations.map(v => `${v.id}: ${v.nodes[0].target.join(' ')}`))"
        )

    found = {"form": visit(page, f"http://{alpha.host}:{server}/admin/site-import/")}
    found["form"] += audit()
    export = ROOT / "tests" / "site_import" / "fixtures" / "plone" / "cpts-coteaux-fictifs.zip"
    page.set_input_files("input[name=export]", str(export))
    # What the button says while the server works, kept across the page change that follows.
    page.evaluate(
        """() => {
        const button = document.querySelector('button[name=simulate]');
        new MutationObserver(() => {
          if (button.disabled) sessionStorage.setItem('while-simulating', button.innerText.trim());
        }).observe(button, {attributes: true, childList: true, subtree: true});
        }"""
    )
    page.click("button[name=simulate]")
    page.wait_for_selector("#report-title")
    assert page.evaluate("sessionStorage.getItem('while-simulating')") == "Simulation en cours…"
    assert "Simulation" in page.inner_text("#report-title")
    assert "Annuaire santé" in page.inner_text("main")
    found["report"] = page.evaluate("window.__violations") + audit()
    # On a phone the report's table scrolls in its own region instead of losing its last columns.
    page.set_viewport_size({"width": 390, "height": 844})
    region = page.locator("[role=region][aria-labelledby=report-title]")
    assert region.evaluate("r => r.scrollWidth > r.clientWidth && getComputedStyle(r).overflowX === 'auto'")
    found["report on a phone"] = audit()
    context.close()
    assert {step: v for step, v in found.items() if v} == {}
