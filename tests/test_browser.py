"""What people see, in a real browser: Debian's Chromium, headless, driven by Playwright.

A real server (``manage.py runserver``) serves the test database, whose two
CPTS were committed by the session fixture. Every page is loaded with a
listener for ``securitypolicyviolation``: the public theme runs under the
enforced Content-Security-Policy, the admins under the same policy as
report-only, and neither may trip it.
"""

import os
import shutil
import socket
import subprocess
import sys
import time
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

pytestmark = pytest.mark.skipif(
    not os.path.exists(CHROMIUM), reason="Chromium is installed by .ci/run (apt install chromium)"
)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def server(network, django_db_blocker):
    from django.db import connection

    from tests.conftest import server_url

    port = _free_port()
    with django_db_blocker.unblock():
        url = server_url(connection.settings_dict["NAME"])
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "DATABASE_URL": url,
        "PUBLIC_PORT": str(port),
    }
    process = subprocess.Popen(  # noqa: S603 - our own manage.py, fixed arguments
        [sys.executable, "manage.py", "runserver", "--noreload", "--insecure", f"127.0.0.1:{port}"],
        cwd=ROOT,
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            time.sleep(0.3)
    else:
        process.kill()
        raise RuntimeError(process.stderr.read().decode()[-3000:])
    yield port
    process.terminate()
    process.wait(timeout=20)


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


AXE = ROOT / ".ci" / "axe" / "node_modules" / "axe-core" / "axe.min.js"


@pytest.mark.skipif(not AXE.exists(), reason="axe-core is installed by .ci/run (npm install axe-core)")
@pytest.mark.parametrize(("width", "height"), [(1280, 900), (390, 844)])
def test_public_pages_are_accessible_and_fit_a_phone(server, browser, network, width, height):
    """axe-core's WCAG 2 A and AA rules on the public pages, at desktop and phone widths, and no
    page wider than the screen."""
    alpha = network["alpha"]
    context = browser.new_context(viewport={"width": width, "height": height}, locale="fr-FR")
    page = context.new_page()
    found = {}
    for url in [
        f"http://localhost:{server}/",
        f"http://localhost:{server}/stages/?q=kine",
        f"http://{alpha.host}:{server}/",
        f"http://{alpha.host}:{server}/recherche/?q=sante",
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


def test_public_pages_run_without_a_policy_violation(server, browser, network):
    alpha = network["alpha"]
    context, page = _page(browser)
    found = {
        url: visit(page, url)
        for url in [
            f"http://localhost:{server}/",
            f"http://localhost:{server}/stages/?q=kine",
            f"http://{alpha.host}:{server}/",
            f"http://{alpha.host}:{server}/recherche/?q=sante",
            f"http://localhost:{server}/admin/login/",
            f"http://{alpha.host}:{server}/admin/login/",
        ]
    }
    context.close()
    violations = {url: v for url, v in found.items() if v}
    assert violations == {}, "\n".join(f"{url}: {v}" for url, v in violations.items())


# Wagtail 8's date choosers (and inline panels) still start themselves with an
# inline <script>: the only thing the admins' report-only policy may report.
WAGTAIL_WIDGET_SCRIPTS = "report script-src-elem inline "


def test_the_cpts_admin_reports_nothing_but_wagtails_inline_widget_scripts(server, browser, network):
    alpha = network["alpha"]
    context, page = _page(browser)
    visit(page, f"http://{alpha.host}:{server}/admin/login/")
    page.fill("input[name=username]", alpha.coordinator_email)
    page.fill("input[name=password]", alpha.password)
    page.click("button[type=submit]")
    page.wait_for_url(f"http://{alpha.host}:{server}/admin/")
    found = {"/admin/": page.evaluate("window.__violations")}
    for path in ["/admin/pages/", "/admin/territory/", "/admin/aci/", "/admin/sign-ins/", "/admin/images/"]:
        found[path] = visit(page, f"http://{alpha.host}:{server}{path}")
    context.close()
    unexpected = {
        path: [v for v in violations if not v.startswith(WAGTAIL_WIDGET_SCRIPTS)]
        for path, violations in found.items()
    }
    assert {path: v for path, v in unexpected.items() if v} == {}
    # The allowance is not blanket: the page listing's date filters do trip it.
    assert found["/admin/pages/"]
