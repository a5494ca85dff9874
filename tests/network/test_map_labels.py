"""Maps people can read: place names, one colour per CPTS, a regional frame, a visible hint, and the
breadcrumb France › region › department › CPTS on the coverage screens."""

import re
from pathlib import Path

import pytest
from django.db import connection

from content.services import territory_add_communes
from network.commune_maps import CPTS_COLOURS
from network.models import Commune
from network.prefectures import PREFECTURES
from tests.network.coverage_stages import aci_signed as aci_signed  # the fixture

pytestmark = pytest.mark.usefixtures("aci_signed")
MAPS_CSS = "network/static/network/maps.css"


def claim(tenant, *codes):
    with tenant.context():
        territory_add_communes(cpts=tenant.cpts, codes=list(codes))
    connection.set_schema_to_public()


def labels(html: str) -> list[str]:
    return re.findall(r"<text [^>]*>([^<]+)</text>", html)


def view_box(html: str, map_class: str) -> list[float]:
    figure = html[html.index(f'<figure class="{map_class}"') :]
    return [float(n) for n in re.search(r'<svg viewBox="([^"]+)"', figure).group(1).split()]


def test_every_prefecture_is_a_commune_of_its_department(db, network):
    found = dict(Commune.objects.filter(code__in=PREFECTURES.values()).values_list("code", "department_id"))
    assert {department: found.get(code) for department, code in PREFECTURES.items()} == {
        d: d for d in PREFECTURES
    }


def test_the_national_map_names_the_regions_prefectures_and_says_it_is_clickable(federation_client, db):
    html = federation_client.get("/").content.decode()
    names = labels(html)
    assert {"Strasbourg", "Lyon", "Marseille", "Paris", "Rennes"} <= set(names)
    assert "Cliquez sur un département pour voir ses communes et ses CPTS." in html
    assert 'aria-describedby="coverage-hint"' in html and 'class="map-clickable"' in html
    assert 'class="map-labels" aria-hidden="true"' in html
    assert "style=" not in html  # the strict CSP: presentation attributes only


def test_a_regional_result_is_framed_on_its_region_with_its_prefectures(federation_client, db):
    national = view_box(federation_client.get("/").content.decode(), "dept-map")
    html = federation_client.get("/", {"region": "44"}).content.decode()
    framed = view_box(html, "dept-map")
    assert framed[2] < national[2] / 2 and framed[3] < national[3] / 2  # zoomed on Grand Est
    assert {"Metz", "Nancy", "Strasbourg", "Troyes", "Châlons-en-Champagne"} <= set(labels(html))
    assert "Marseille" not in labels(html)
    # Every Strasbourg label sits inside the frame.
    x, y = (float(n) for n in re.search(r'<text x="([\d.]+)" y="([\d.]+)"[^>]*>Strasbourg<', html).groups())
    assert framed[0] <= x <= framed[0] + framed[2] and framed[1] <= y <= framed[1] + framed[3]


def test_territories_side_by_side_get_one_colour_each_with_a_legend(federation_client, alpha, beta):
    claim(alpha, "57463")
    claim(beta, "57672", "57480")
    claim(alpha, "57480")
    html = federation_client.get("/couverture/57/").content.decode()
    classes = dict(re.findall(r'#c(\w+)" class="([\w-]+)"', html))
    assert classes["57463"] != classes["57672"]
    assert {classes["57463"], classes["57672"]} == {"cpts-0", "cpts-1"}
    assert classes["57480"] == "com-shared"
    legend = html[html.index('class="map-legend"') :]
    legend = legend[: legend.index("</ul>")]
    assert 'class="cpts-0"' in legend and "CPTS Alpha" in legend and "CPTS Beta" in legend
    assert "Metz" in labels(html)  # the prefecture


def contrast(a: str, b: str) -> float:
    def luminance(colour: str) -> float:
        channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_each_cpts_colour_keeps_aa_contrast_for_its_label():
    css = Path(MAPS_CSS).read_text(encoding="utf-8")
    colours = dict(re.findall(r"\.(cpts-\d) \{ fill: (#[0-9a-f]{6}); \}", css))
    assert len(colours) == CPTS_COLOURS
    assert len(set(colours.values())) == CPTS_COLOURS
    assert min(contrast(colour, "#111111") for colour in colours.values()) >= 4.5


def test_the_breadcrumb_shows_the_chain_for_a_department(federation_staff_client, alpha):
    html = federation_staff_client.get("/admin/coverage/", {"department": "57"}).content.decode()
    chain = html[html.index('class="coverage-chain"') :]
    chain = chain[: chain.index("</nav>")]
    assert re.findall(r'<a href="([^"]+)">([^<]+)</a>', chain) == [
        ("?definition=aci_signed", "France"),
        ("?region=44&amp;definition=aci_signed", "Grand Est"),
    ]
    assert '<span aria-current="page">Moselle</span>' in chain
    assert "France entière</option>" in html and 'value="44" selected' in html
    cpts = federation_staff_client.get(
        "/admin/coverage/", {"department": "57", "cpts": "alpha", "definition": "any"}
    ).content.decode()
    assert '<span aria-current="page">CPTS Alpha</span>' in cpts
    assert "CPTS comptées : toute étape" in cpts


def test_the_public_department_page_has_the_chain_and_the_definition(federation_client, alpha):
    html = federation_client.get("/couverture/57/", {"definition": "health_project"}).content.decode()
    assert '<a href="/?region=44&definition=health_project">Grand Est</a>' in html.replace("&amp;", "&")
    assert "CPTS comptées : projet de santé validé" in html
    assert "export.xlsx?definition=health_project" in html
    wrong = federation_client.get("/couverture/57/", {"definition": "idee"})
    assert wrong.status_code == 400 and "Définition de la couverture inconnue" in wrong.content.decode()
