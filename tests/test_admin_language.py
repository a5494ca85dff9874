"""Both admins speak French, in an English browser too: no English word from this list on their screens."""

import re

from django.test import Client

from tests.conftest import login

# Words a French user met in English before: library names without translations, Wagtail's
# default groups and workflow, dashboard banners.
ENGLISH = [
    "Static devices",
    "TOTP devices",
    "OTP_STATIC",
    "OTP_TOTP",
    "AXES",
    "Access attempts",
    "Access failures",
    "Access logs",
    "Moderators",
    "Editors",
    "approval",
    "Welcome",
    "What's new",
    "Authentication and Authorization",
    "Sorry",
]


def _visible_text(html: str) -> str:
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    return re.sub(r"<[^>]+>", " ", html)


def _english(html: str) -> list[str]:
    text = _visible_text(html)
    return [word for word in ENGLISH if word in text]


def test_the_federation_admin_index_is_french_for_an_english_browser(federation_staff_client):
    page = federation_staff_client.get("/admin/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert page.status_code == 200
    assert _english(page.content.decode()) == []


def test_the_cpts_admin_home_and_menus_are_french_for_an_english_browser(alpha):
    client = Client(HTTP_HOST=alpha.host, HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    login(client, alpha)
    for path in ("/admin/", "/admin/pages/", "/admin/team/", "/admin/workflows/list/", "/admin/groups/"):
        page = client.get(path)
        assert page.status_code == 200, path
        assert _english(page.content.decode()) == [], path


def test_permissions_read_in_french_in_both_group_editors(federation_staff_client, alpha):
    """Django names permissions in English (« Can add user »); both admins show them in French."""
    federation = federation_staff_client.get("/admin/auth/group/add/").content.decode()
    assert "Can add" not in federation and "| ajouter<" in federation
    client = Client(HTTP_HOST=alpha.host)
    login(client, alpha)
    cpts = client.get("/admin/groups/new/").content.decode()
    assert "Can access" not in cpts and "accéder à l&#x27;administration" in cpts
