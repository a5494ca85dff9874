"""A student's journey in a real browser, from the network's search to an application the
coordinator reads: Debian's Chromium, headless, driven by Playwright, against ``manage.py
runserver`` on the test database (tests/test_browser.py starts them the same way).

The offers are committed for the server to see, then removed with what the journey wrote.
The server sends its e-mails to the test's real SMTP server (tests/smtp.py) through
tests/applications/live_settings.py. Pages are checked with axe-core's WCAG 2 A and AA rules
at a phone's and a desktop's width, under the enforced Content-Security-Policy, and with an
English browser (dates must still read « jj/mm/aaaa »).
"""

import datetime
import os

import pytest
from django.db import connection, connections

from tests.live_server import free_port, runserver
from tests.test_browser import (  # noqa: F401 (fixtures shared with the other browser tests)
    AXE,
    LISTEN,
    ROOT,
    browser_tools,
    public_schema_left_as_found,
    visit,
)

PHONE = {"width": 375, "height": 667}
DESKTOP = {"width": 1280, "height": 900}
STUDENT = "Camille Exemple (fictif)"
CONTACT = "stages@msp-coteaux.test"


def _later(days: int) -> datetime.date:
    return datetime.date.today() + datetime.timedelta(days=days)


@pytest.fixture(scope="module")
def port() -> int:
    return free_port()


@pytest.fixture(scope="module")
def offers(network, port, django_db_blocker):
    """Two open offers at Alpha, general medicine and physiotherapy, committed for the server.

    Alpha's site answers on the server's port meanwhile: the network's listing keeps each
    offer's absolute address, which the student follows from the search.
    """
    from wagtail.models import Site

    from content.services import page_publish, territory_add_communes, territory_remove_communes

    from .conftest import general_medicine_offer, offers_index

    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "1"  # Playwright's loop runs in this thread
    alpha = network["alpha"]
    dates = {"start_date": _later(60), "end_date": _later(240)}
    with django_db_blocker.unblock(), alpha.context():
        site = Site.objects.get()
        Site.objects.filter(pk=site.pk).update(port=port)
        Site.clear_site_root_paths_cache()
        territory_add_communes(cpts=alpha.cpts, codes=["57463"])
        index, created_index = offers_index()
        general = general_medicine_offer(
            title="Médecine générale en maison de santé (fictif)",
            slug="mg-msp-coteaux",
            host_name="MSP des Coteaux (fictive)",
            apply_email=CONTACT,
            description="<p>Consultations avec et sans rendez-vous, visites à domicile.</p>",
            **dates,
        )
        physiotherapy = general_medicine_offer(
            title="Kinésithérapie en cabinet de groupe (fictif)",
            slug="kine-arenes",
            discipline="physiotherapy",
            host_structure="practice",
            host_name="Cabinet des Arènes (fictif)",
            supervisor_approved=False,
            supervisor_role="",
            compensation="",
            apply_email="stages@cabinet-arenes.test",
            **dates,
        )
        pages = [page_publish(parent=index, page=offer) for offer in (general, physiotherapy)]
        urls = {page.slug: page.url for page in pages}
    connection.set_schema_to_public()
    connections.close_all()
    yield urls
    from applications.models import InternshipApplication

    with django_db_blocker.unblock(), alpha.context():
        for application in InternshipApplication.objects.all():
            application.cv.delete(save=False)
            application.delete()
        for page in pages:
            page.refresh_from_db()
            page.delete()
        if created_index:
            index.delete()
        territory_remove_communes(cpts=alpha.cpts, codes=["57463"])
        Site.objects.filter(pk=site.pk).update(port=site.port)
        Site.clear_site_root_paths_cache()
    connection.set_schema_to_public()
    connections.close_all()
    del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]


@pytest.fixture
def server(port, offers, smtp_server, settings, tmp_path, django_db_blocker):
    """``runserver`` on the test database, sending its mail to this test's SMTP server."""
    from tests.conftest import server_url

    with django_db_blocker.unblock():
        url = server_url(connection.settings_dict["NAME"])
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.applications.live_settings",
        "DATABASE_URL": url,
        "PUBLIC_PORT": str(port),
        "TEST_SMTP_HOST": settings.EMAIL_HOST,
        "TEST_SMTP_PORT": str(settings.EMAIL_PORT),
        "APPLICATIONS_PRIVATE_ROOT": str(tmp_path / "private"),
    }
    with runserver(ROOT, environment, port, "--insecure"):
        yield port


def _context(browser, viewport: dict):
    # An English browser: a date field typed "date" would show mm/dd/yyyy to this student.
    context = browser.new_context(viewport=viewport, locale="en-US")
    context.add_init_script(LISTEN)
    return context


def _axe(page) -> list[str]:
    page.evaluate(AXE.read_text())
    return page.evaluate(
        "axe.run(document, {runOnly: ['wcag2a', 'wcag2aa']})"
        ".then(r => r.violations.map(v => `${v.id}: ${v.nodes.map(n => n.target.join(' ')).join(', ')}`))"
    )


def _defects(page, width: int) -> list[str]:
    """axe's violations, a page wider than the screen, and policy violations."""
    overflow = page.evaluate("document.documentElement.scrollWidth") - width
    return (
        _axe(page)
        + ([f"{overflow}px wider than the screen"] if overflow > 0 else [])
        + page.evaluate("window.__violations")
    )


def _shot(page, name: str) -> None:
    # Screenshots to look at by hand: SCREENSHOTS=/some/folder pytest …
    if os.environ.get("SCREENSHOTS"):
        page.screenshot(path=f"{os.environ['SCREENSHOTS']}/{name}.png", full_page=True)


def _cv_pdf() -> bytes:
    """A real one-page PDF, as a word processor would save it."""
    from weasyprint import HTML

    return HTML(
        string="<h1>Camille Exemple (fictif)</h1><p>Interne en médecine générale, 3e semestre.</p>"
    ).write_pdf()


def test_a_student_finds_an_offer_despite_a_typo_applies_and_the_coordinator_sees_it(
    server, browser, network, smtp_server
):
    alpha = network["alpha"]
    context = _context(browser, DESKTOP)
    page = context.new_page()
    found = {}

    # The README's typo, on the network's search: corrected, and the offer found.
    visit(page, f"http://localhost:{server}/stages/")
    page.fill("#q", "medcine generale")
    page.press("#q", "Enter")
    page.wait_for_url("**/stages/?q=medcine+generale*")
    summary = page.inner_text(".hits .summary")
    assert "1 offre pour" in summary, summary
    assert "« medcine » → « medecine »" in summary, summary
    hits = page.locator(".cards .hit-title a")
    assert hits.all_inner_texts() == ["Médecine générale en maison de santé (fictif)"]

    # The offer on its CPTS's site, and back to the same results.
    hits.first.click()
    page.wait_for_url(f"http://{alpha.host}:{server}/**")
    assert page.inner_text("h1") == "Médecine générale en maison de santé (fictif)"
    with page.expect_navigation():
        page.click("text=Retour aux résultats de la recherche")
    searched = f"http://localhost:{server}/stages/?q=medcine+generale"
    assert page.url.startswith(searched), page.url
    assert page.input_value("#q") == "medcine generale"

    # Again to the offer, and « Candidater » with a PDF CV.
    page.locator(".cards .hit-title a").first.click()
    page.wait_for_url(f"http://{alpha.host}:{server}/**")
    page.click("text=Candidater à ce stage")
    page.wait_for_selector("#id_full_name")
    cv = _cv_pdf()
    page.fill("#id_full_name", STUDENT)
    page.fill("#id_email", "camille@etudiant.test")
    page.fill("#id_training", "DES de médecine générale")
    page.select_option("#id_level", "intern")
    page.fill("#id_message", "Je souhaite découvrir l'exercice coordonné.")
    page.set_input_files("#id_cv", {"name": "cv-camille.pdf", "mimeType": "application/pdf", "buffer": cv})
    page.check("#id_consent")
    page.click("text=Envoyer ma candidature")
    page.wait_for_selector("h1:has-text('Candidature envoyée')")
    assert "a été transmise à la personne qui encadre le stage" in page.inner_text("main")
    back = page.get_attribute("text=Retour aux résultats de la recherche", "href")
    assert back.startswith(searched), back
    found["confirmation, desktop"] = _defects(page, DESKTOP["width"])
    _shot(page, "received-1280")
    page.set_viewport_size(PHONE)
    found["confirmation, phone"] = _defects(page, PHONE["width"])
    _shot(page, "received-375")
    context.close()

    # The offer's contact has the application and the very CV; the student has an acknowledgement.
    received = {mail.to[0]: mail for mail in smtp_server.wait_for(2)}
    assert set(received) == {CONTACT, "camille@etudiant.test"}
    to_contact = received[CONTACT]
    subject = f"Candidature : Médecine générale en maison de santé (fictif) — {STUDENT}"
    assert to_contact.subject.strip() == subject
    assert "Formation : DES de médecine générale" in to_contact.body
    assert to_contact.attachments() == [(f"CV - {STUDENT}.pdf", "application/pdf", cv)]

    # The coordinator signs in and finds it in « Candidatures », CV included.
    context = _context(browser, DESKTOP)
    page = context.new_page()
    visit(page, f"http://{alpha.host}:{server}/admin/login/")
    page.fill("input[name=username]", alpha.coordinator_email)
    page.fill("input[name=password]", alpha.password)
    page.click("button[type=submit]")
    page.wait_for_url(f"http://{alpha.host}:{server}/admin/")
    page.click("nav >> text=Candidatures")
    page.wait_for_url("**/admin/candidatures/")
    row = page.locator("table tbody tr", has_text=STUDENT)
    assert row.count() == 1
    assert "Médecine générale en maison de santé (fictif)" in row.inner_text()
    # The CV's link, fetched as the signed-in coordinator (the page's own cookies).
    status, body = page.evaluate(
        "url => fetch(url).then(async r => [r.status, [...new Uint8Array(await r.arrayBuffer())]])",
        row.locator("a", has_text="CV (PDF)").get_attribute("href"),
    )
    assert status == 200 and bytes(body) == cv
    context.close()
    assert {step: v for step, v in found.items() if v} == {}


def test_on_a_phone_the_search_box_comes_first_and_the_first_result_is_on_the_first_screen(server, browser):
    context = _context(browser, PHONE)
    page = context.new_page()
    visit(page, f"http://localhost:{server}/stages/?q=medcine+generale")
    _shot(page, "search-375")
    box = page.locator("#q").bounding_box()
    # Nothing to fill or press in the page's content comes before the search box.
    controls = page.locator("main input:visible, main select:visible, main button:visible, main summary")
    tops = [control.bounding_box()["y"] for control in controls.all()]
    assert box["y"] == min(tops)
    first = page.locator(".cards > li").first.bounding_box()
    assert first["y"] < PHONE["height"], first
    assert page.locator("details.search-filters").get_attribute("open") is None  # filters folded

    # Dates in French for an English browser, never the browser's own mm/dd/yyyy.
    page.click("details.search-filters > summary")
    for field in ("#start", "#end"):
        assert page.get_attribute(field, "type") == "text"
        assert page.get_attribute(field, "placeholder") == "jj/mm/aaaa"
    assert "mm/dd/yyyy" not in page.inner_text("body").lower()
    _shot(page, "search-375-filters")
    context.close()


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["375px", "1280px"])
def test_the_search_and_an_offer_with_its_form_pass_axe(server, browser, network, offers, viewport):
    alpha = network["alpha"]
    context = _context(browser, viewport)
    page = context.new_page()
    found = {}
    for name, url in [
        ("search", f"http://localhost:{server}/stages/?q=kine"),
        ("offer", f"http://{alpha.host}:{server}{offers['mg-msp-coteaux']}?recherche=q%3Dkine"),
        ("offer's form", f"http://{alpha.host}:{server}{offers['mg-msp-coteaux']}?recherche=q%3Dkine&candidater"),
    ]:
        visit(page, url)
        found[name] = _defects(page, viewport["width"])
        _shot(page, f"{name}-{viewport['width']}")
    # The form refused (nothing filled): its errors pass too.
    page.click("text=Envoyer ma candidature")
    page.wait_for_selector("#candidature-erreurs")
    found["offer, form refused"] = _defects(page, viewport["width"])
    _shot(page, f"refused-{viewport['width']}")
    context.close()
    assert {step: v for step, v in found.items() if v} == {}
