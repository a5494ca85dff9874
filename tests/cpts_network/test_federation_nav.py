"""The federation host's main navigation is the same on every page it serves (WCAG 3.2.3)."""

import re

import pytest

NAV = re.compile(r'<nav aria-label="Navigation principale">(.*?)</nav>', re.S)
PATHS = [
    "/",
    "/stages/",
    "/agenda/",
    "/actualites/",
    "/trouver-ma-cpts/?q=57000",
    "/professionnels/",
    "/observatoire/",
    "/mentions-legales/",
    "/accessibilite/",
]


def nav(response) -> str:
    assert response.status_code == 200, response.request["PATH_INFO"]
    return NAV.search(response.content.decode()).group(1)


@pytest.mark.django_db
def test_every_federation_page_carries_the_same_links_in_the_same_order(federation_client, alpha):
    navs = {path: nav(federation_client.get(path)) for path in PATHS}
    links = {path: re.findall(r'href="([^"]+)"', html) for path, html in navs.items()}
    assert links["/"][:2] == ["/", "/trouver-ma-cpts/"]
    assert all(found == links["/"] for found in links.values()), links
    # The page shown, and only it, is marked.
    assert re.findall(r'href="([^"]+)" aria-current="page"', navs["/stages/"]) == ["/stages/"]
    assert re.findall(r'href="([^"]+)" aria-current="page"', navs["/"]) == ["/"]
    assert "aria-current" not in navs["/mentions-legales/"]


@pytest.mark.django_db
def test_a_cpts_site_keeps_its_own_menu(alpha, alpha_client):
    assert "Espace fédération" not in nav(alpha_client.get("/"))
