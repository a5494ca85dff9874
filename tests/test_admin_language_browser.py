"""French in every admin screen, for an English browser: a real Chromium walks both admins' menus.

Chromium runs with the ``en-US`` locale and ``Accept-Language: en-US``, as a
French coordinator's English-language laptop would. It signs in to a CPTS's
Wagtail admin as a Coordination account and to the federation's Django admin as
an Administration account with its second factor, reads the menu from the
page (Wagtail's sidebar data, Django's sidebar and index), opens every entry
(sub-menus included) and each list's first add and edit form, and fails on
any phrase of ``ENGLISH`` in what a user reads there: the text, the page's
title, placeholders, tooltips, button values, and the browser's own « Choose
File » of a file input left unstyled.
"""

from __future__ import annotations

import json
import re
from urllib.parse import urljoin, urlsplit

from tests.test_admin_language import ENGLISH as SEEN_BEFORE
from tests.test_browser import (  # noqa: F401 (fixtures: the real server, Chromium, committed rows)
    browser,
    browser_tools,
    database_beside_playwright,
    public_schema_left_as_found,
    server,
)

ENGLISH_LOCALE = {"locale": "en-US", "extra_http_headers": {"Accept-Language": "en-US,en;q=0.9"}}

# English a French user met, or would meet, in these admins. Whole words, case-sensitive.
# Left out on purpose: words French shares (« Pages », « Documents », « Images », « Collections »,
# « Actions », « Description », « Date », « Type », « Public », « Code », « Email », « Sort »,
# « Sites » and « Workflows », which Wagtail's French translation keeps),
# which would flag correct French.
ENGLISH = [
    *SEEN_BEFORE,  # the library names, Wagtail's default groups and workflow, dashboard banners
    "Choose File",  # the browser's own file input (issue #34)
    "No file chosen",
    # Wagtail's and Django's own words, had they stayed in English.
    "Add",
    "Save",
    "Search",
    "Dashboard",
    "Settings",
    "Reports",
    "Edit",
    "Delete",
    "Cancel",
    "Help",
    "Log out",
    "Sign out",
    "Log in",
    "Account",
    "Users",
    "Groups",
    "Tasks",
    "Task",
    "Result",
    "Snippets",
    "Redirects",
    "Locked pages",
    "Aging pages",
    "Site history",
    "Filter",
    "History",
    "Home",
    "Welcome",
    "What's new",
    "Sorry",
    "Title",
    "Status",
    "Live",
    "Draft",
    "Created",
    "Updated",
    "Name",
    "Choose",
    "Select",
    "Submit",
    "Loading",
    "Showing",
    "Previous",
    "Next",
    "Upload",
    "Download",
    "Preview",
    "Publish",
    "Unpublish",
    "Revisions",
    "Privacy",
    "Password",
    "Username",
    "Change",
    "View site",
    "No results",
    "There are no",
    "Are you sure",
    "This field",
    "Required",
    "optional",
    "Owner",
    "Author",
    "Locale",
    "Translations",
    "Recent",
    "Show",
    "Hide",
    # Words that only an English sentence has (help texts, permission names).
    "Can",
    "the",
    "The",
    "your",
    "Your",
    "This",
    "with",
]
# Proper nouns and names that are the same in French, taken out of the text before matching.
PROPER_NOUNS = ["Wagtail", "Django", "OpenStreetMap", "Live Server", "Show-and-tell"]
PATTERN = re.compile(r"(?<![\w-])(" + "|".join(re.escape(word) for word in ENGLISH) + r")(?![\w-])")

# What a user reads on the page: visible text, title, and the text kept in attributes;
# a file input the browser draws itself (« Choose File ») counts as its words.
READ_PAGE = """() => {
  const parts = [document.title, document.body.innerText];
  const buttons = 'input[type=submit], input[type=button]';
  for (const el of document.querySelectorAll(`[placeholder], [title], [aria-label], ${buttons}`)) {
    for (const name of ['placeholder', 'title', 'aria-label']) {
      if (el.getAttribute(name)) parts.push(el.getAttribute(name));
    }
    if (el.matches(buttons)) parts.push(el.value);
  }
  for (const input of document.querySelectorAll('input[type=file]')) {
    const box = input.getBoundingClientRect(), style = getComputedStyle(input);
    const drawn = box.width > 2 && box.height > 2 && style.visibility !== 'hidden' && style.display !== 'none'
      && style.opacity !== '0' && !input.closest('[hidden]');
    if (drawn) parts.push('Choose File');
  }
  return parts.join('\\n');
}"""
# Wagtail's sidebar is drawn from a JSON description in the page: every link, sub-menus included.
WAGTAIL_MENU = "() => document.getElementById('wagtail-sidebar-props').textContent"
DJANGO_MENU = """() => [...document.querySelectorAll('#nav-sidebar a[href], #content a[href]')]
  .map(a => a.getAttribute('href'))"""
# A list's first add and edit forms, as each admin draws them.
WAGTAIL_FORMS = """() => {
  const main = document.querySelector('main') || document.body;
  const add = [...main.querySelectorAll('a[href]')].map(a => a.getAttribute('href'))
    .find(h => /\\/(add|create|new)\\/(\\?.*)?$/.test(h) || /\\/add\\/[^/]+\\/[^/]+\\/\\d+\\/$/.test(h));
  const edit = [...main.querySelectorAll('table a[href], .listing a[href]')].map(a => a.getAttribute('href'))
    .find(h => /\\/(edit\\/)?\\d+\\/(edit\\/)?$/.test(h));
  return [add, edit].filter(Boolean);
}"""
DJANGO_FORMS = """() => [
  document.querySelector('a.addlink'), document.querySelector('#result_list tbody tr a[href]')
].filter(Boolean).map(a => a.getAttribute('href'))"""
# Never followed: signing out, deleting, and what downloads instead of showing a page.
SKIPPED = re.compile(r"logout|/delete/|/remove/|/unpublish/|export|\.csv|\.xlsx|\.ods|/api/|format=")


def _urls_in(tree) -> list[str]:
    if isinstance(tree, dict):
        found = [tree["url"]] if isinstance(tree.get("url"), str) else []
        return found + [url for value in tree.values() for url in _urls_in(value)]
    if isinstance(tree, list):
        return [url for value in tree for url in _urls_in(value)]
    return []


def _english_in(page) -> list[str]:
    text = page.evaluate(READ_PAGE)
    for noun in PROPER_NOUNS:
        text = text.replace(noun, " ")
    return sorted(set(PATTERN.findall(text)))


def _walk(page, base: str, menu: list[str], forms_script: str) -> dict[str, list[str]]:
    """Each menu entry once, then the first add and edit forms found on it; what is English where."""
    origin = "{0.scheme}://{0.netloc}".format(urlsplit(base))
    queue, seen, found = [], set(), {}

    def enqueue(href: str) -> None:
        url = urljoin(base, href).split("#")[0]
        if url.startswith(f"{origin}/admin/") and not SKIPPED.search(url) and url not in seen:
            seen.add(url)
            queue.append(url)

    for href in menu:
        enqueue(href)
    menu_count = len(queue)
    for index, url in enumerate(queue):
        response = page.goto(url)
        assert response is not None and response.status < 400, (url, response and response.status)
        page.wait_for_load_state("networkidle")
        if english := _english_in(page):
            found[url.removeprefix(origin)] = english
        if index < menu_count:  # forms of the menu's lists, not of forms found on forms
            for href in page.evaluate(forms_script):
                enqueue(href)
    assert menu_count >= 5 and len(queue) > menu_count, queue  # the walk found the menu, and forms
    return found


def _report(found: dict[str, list[str]]) -> str:
    return "\n".join(f"{url}: {', '.join(words)}" for url, words in sorted(found.items()))


def test_every_cpts_admin_screen_is_french_for_an_english_browser(  # noqa: F811 (imported fixtures)
    server,  # noqa: F811
    browser,  # noqa: F811
    network,
    database_beside_playwright,  # noqa: F811
):
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    alpha, email, password = network["alpha"], "coordination@alpha.test", "pw-coordination-123"
    with database_beside_playwright(), alpha.context():
        user = get_user_model().objects.create_user(email, email, password)
        user.groups.add(Group.objects.get(name="Coordination"))
    try:
        context = browser.new_context(**ENGLISH_LOCALE)
        page = context.new_page()
        base = f"http://{alpha.host}:{server}/admin/"
        page.goto(f"{base}login/")
        page.fill("input[name=username]", email)
        page.fill("input[name=password]", password)
        page.click("button[type=submit]")
        page.wait_for_url(base)
        menu = _urls_in(json.loads(page.evaluate(WAGTAIL_MENU)))
        found = _walk(page, base, ["/admin/", *menu], WAGTAIL_FORMS)
        context.close()
    finally:
        with database_beside_playwright(), alpha.context():
            get_user_model().objects.filter(username=email).delete()
    assert found == {}, "English in the CPTS admin:\n" + _report(found)


def test_every_federation_admin_screen_is_french_for_an_english_browser(  # noqa: F811 (imported fixtures)
    server,  # noqa: F811
    browser,  # noqa: F811
    network,
    database_beside_playwright,  # noqa: F811
):
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    from network.federation_accounts import federation_accounts_delete
    from network.federation_roles import ADMINISTRATION
    from network.second_factor import second_factor_enrol
    from tests.conftest import totp_now

    with database_beside_playwright():
        user = get_user_model().objects.create_user(
            "administration@federation.test", "administration@federation.test", "pw-admin-123", is_staff=True
        )
        user.groups.add(Group.objects.get(name=ADMINISTRATION))
        factor = second_factor_enrol(user=user)
    try:
        context = browser.new_context(**ENGLISH_LOCALE)
        page = context.new_page()
        base = f"http://localhost:{server}/admin/"
        page.goto(f"{base}login/")
        found = {"/admin/login/": _english_in(page)}
        page.fill("input[name=username]", user.username)
        page.fill("input[name=password]", "pw-admin-123")
        page.fill("input[name=otp_token]", totp_now(factor.secret))
        page.click("[type=submit]")
        page.wait_for_url(base)
        found.update(_walk(page, base, ["/admin/", *page.evaluate(DJANGO_MENU)], DJANGO_FORMS))
        context.close()
    finally:
        with database_beside_playwright():
            federation_accounts_delete([user])
    found = {url: words for url, words in found.items() if words}
    assert found == {}, "English in the federation admin:\n" + _report(found)
