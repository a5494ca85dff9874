"""Maps commune by commune: a CPTS's territory on its site, a department's coverage for the federation."""

import re

import pytest
from django.db import connection

from content.forms import RESERVED_SLUGS
from content.models import HomePage
from content.services import standard_page_publish, territory_add_communes
from network.commune_maps import commune_point, distance_km
from tests.conftest import login
from tests.network.coverage_stages import aci_signed as aci_signed  # the fixture

pytestmark = pytest.mark.usefixtures("aci_signed")


def communes(html: str) -> dict[str, tuple[str, str]]:
    """Each drawn commune's INSEE code → (its label, its colour class), from the SVG."""
    found = re.findall(
        r'<title>([^<]+)</title><use href="[^"]+/communes/\w+\.svg#c(\w+)" class="([\w-]+)"/>', html
    )
    return {code: (label, css) for label, code, css in found}


def territory_page(cpts, body: str = "") -> str:
    """A « Territoire » page opened by the territory map block, as a coordinator would add it."""
    with cpts.context():
        page = standard_page_publish(
            parent=HomePage.objects.get(), title="Territoire", body=body, territory_map=True
        )
        url = page.url
    connection.set_schema_to_public()
    return url


def test_a_cpts_site_draws_its_territory_among_its_neighbours(alpha, beta, alpha_client):
    with alpha.context():
        territory_add_communes(cpts=alpha.cpts, codes=["57463", "57480"])  # Metz, Montigny-lès-Metz
    with beta.context():
        territory_add_communes(cpts=beta.cpts, codes=["57480", "57751"])  # Montigny, Woippy
    url = territory_page(alpha)
    page = alpha_client.get(url)
    assert page.status_code == 200
    html = page.content.decode()
    drawn = communes(html)
    assert drawn["57463"] == ("Metz (57463) : commune du territoire", "com-ours")
    assert drawn["57480"][1] == "com-shared"  # claimed by both
    assert drawn["57751"][1] == "com-other"
    # Neighbours in the frame, in none: Marly, south of Metz, is in no CPTS here.
    assert drawn["57447"][1] == "com-none"
    assert len(drawn) > 10
    # The list beside the map says the same in text, the overlap included.
    assert '<td>Montigny-lès-Metz <span class="tag">aussi : CPTS Beta</span></td>' in html
    assert "Licence Ouverte / Etalab 2.0" in html
    home = alpha_client.get("/").content.decode()
    assert communes(home)["57463"][1] == "com-ours"
    # The block in the API: each commune with its outline, for a front end to draw the same map.
    api = alpha_client.get("/api/v2/pages/", {"type": "content.StandardPage", "fields": "body"}).json()
    block = api["items"][0]["body"][0]
    assert block["type"] == "territory_map"
    metz = next(c for c in block["value"]["communes"] if c["code"] == "57463")
    assert metz["outline"].endswith("/network/communes/57.svg#c57463") and metz["population"] > 100_000
    assert next(c for c in block["value"]["communes"] if c["code"] == "57480")["shared_with"] == ["CPTS Beta"]


def test_the_outlines_are_static_files_the_map_refers_to(alpha, alpha_client, client):
    from django.contrib.staticfiles import finders

    with alpha.context():
        territory_add_communes(cpts=alpha.cpts, codes=["57463"])
    html = alpha_client.get(territory_page(alpha)).content.decode()
    sprite = re.search(r'href="/static/(network/communes/57\.svg)#c57463"', html).group(1)
    with open(finders.find(sprite), encoding="utf-8") as outlines:
        assert '<path id="c57463" d="M' in outlines.read()
    assert len(html) < 60_000  # the page carries references, not outlines


def test_a_territory_without_communes_says_so(alpha, alpha_client):
    html = alpha_client.get(territory_page(alpha)).content.decode()
    assert "pas encore déclaré les communes" in html and "<svg viewBox" not in html
    assert "Notre territoire" not in alpha_client.get("/").content.decode()


def test_the_public_home_goes_down_to_a_department_commune_by_commune(alpha, beta, federation_client):
    with alpha.context():
        territory_add_communes(cpts=alpha.cpts, codes=["57463", "57480"])
    with beta.context():
        territory_add_communes(cpts=beta.cpts, codes=["57480"])
    connection.set_schema_to_public()
    home = federation_client.get("/").content.decode()
    assert 'href="/couverture/57/?definition=aci_signed"' in home
    assert 'href="/couverture/974/?definition=aci_signed"' in home
    page = federation_client.get("/couverture/57/")
    assert page.status_code == 200
    drawn = communes(page.content.decode())
    assert len(drawn) > 700  # every commune of Moselle
    # Metz in alpha alone: alpha's own colour; Montigny in both: the overlap's.
    assert drawn["57463"][1] == "cpts-0" and drawn["57480"][1] == "com-shared"
    assert drawn["57001"][1] == "com-none"
    assert "CPTS Alpha" in page.content.decode()
    assert federation_client.get("/couverture/99/").status_code == 404


def test_the_federation_dashboard_draws_a_departments_communes(alpha, federation_staff_client):
    with alpha.context():
        territory_add_communes(cpts=alpha.cpts, codes=["57463"])
    connection.set_schema_to_public()
    html = federation_staff_client.get("/admin/coverage/?department=57").content.decode()
    assert communes(html)["57463"][0].startswith("Metz (57463) : dans une CPTS (CPTS Alpha), ")
    assert "Les communes de la carte" in html


@pytest.mark.parametrize("slug", sorted(RESERVED_SLUGS))
def test_a_section_page_cannot_take_an_address_the_site_answers_itself(slug, alpha, alpha_client):
    from content.models import HomePage

    login(alpha_client, alpha)
    with alpha.context():
        home = HomePage.objects.get()
    response = alpha_client.post(
        f"/admin/pages/add/content/standardpage/{home.pk}/",
        {"title": "Territoire", "slug": slug, "introduction": "", "body-count": "0"},
    )
    assert response.status_code == 200
    assert "est une adresse réservée du site" in response.content.decode()


def test_commune_points_give_true_distances():
    metz, nancy = commune_point("57463"), commune_point("54395")
    assert 45 < distance_km(metz, nancy) < 55  # about 47 km as the crow flies
    assert commune_point("00000") is None
