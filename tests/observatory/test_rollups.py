"""The observatory through HTTP on the federation's host: rollups, the small-number rule, the pages.

The values are rows of the public copy, as CPTS leave them there (the path from a CPTS's own
admin to this copy is tested in test_sharing.py); the CPTS here are records without a schema,
cheap enough to make the rules' thresholds visible.
"""

import re
from decimal import Decimal

import pytest

from network.observatory import SharedIndicatorValue
from tenants.models import CPTS

API = "/api/network/observatory/"


def cpts(short_name: str, department: str, region: str = "44") -> CPTS:
    record = CPTS(
        schema_name=f"obs_{short_name}",
        name=f"CPTS {short_name.title()} (fictive)",
        short_name=short_name,
        region_code=region,
        department_code=department,
    )
    record.auto_create_schema = False  # the copy's rows need the record only
    record.save()
    return record


def share(record: CPTS, code: str, value, *, year=2025, audience="open", professionals=None):
    SharedIndicatorValue.objects.create(
        cpts=record,
        indicator_id=code,
        year=year,
        value=Decimal(value),
        audience=audience,
        professionals=professionals,
    )


@pytest.fixture
def moselle(network, db):
    """Four CPTS of Moselle, two of Meurthe-et-Moselle (Grand Est), one of Bas-Rhin."""
    records = {name: cpts(name, "57") for name in ("metz", "thionville", "sarreguemines", "forbach")}
    records |= {name: cpts(name, "54") for name in ("nancy", "luneville")}
    records["strasbourg"] = cpts("strasbourg", "67")
    for name, value in zip(("metz", "thionville", "sarreguemines", "forbach"), (10, 20, 30, 40), strict=True):
        share(records[name], "actions-prevention", value)
    share(records["nancy"], "actions-prevention", 12)
    share(records["luneville"], "actions-prevention", 8)
    share(records["strasbourg"], "actions-prevention", 25)
    return records


def test_a_department_with_enough_cpts_gives_total_median_and_quartiles(federation_client, moselle):
    data = federation_client.get(f"{API}actions-prevention/departments/57/", {"year": 2025}).json()
    area = data["area"]
    assert (area["level"], area["code"], area["name"], area["reporting"]) == (
        "department",
        "57",
        "Moselle",
        4,
    )
    assert (Decimal(area["total"]), Decimal(area["median"])) == (Decimal(100), Decimal(25))
    assert (Decimal(area["first_quartile"]), Decimal(area["third_quartile"])) == (
        Decimal("17.5"),
        Decimal("32.5"),
    )
    assert area["hidden_reason"] == ""
    assert sorted(v["short_name"] for v in data["values"]) == [
        "forbach",
        "metz",
        "sarreguemines",
        "thionville",
    ]
    assert sum(bar["cpts"] for bar in data["histogram"]) == 4


def test_an_area_of_fewer_than_three_cpts_shows_only_their_number(federation_client, moselle):
    region = federation_client.get(f"{API}actions-prevention/regions/44/", {"year": 2025}).json()
    parts = {part["code"]: part for part in region["parts"]}
    assert parts["54"]["reporting"] == 2 and parts["54"]["total"] is None and parts["54"]["median"] is None
    assert parts["54"]["hidden_reason"] == "moins de 3 CPTS ont partagé cette valeur"
    assert parts["67"]["hidden_reason"] and parts["67"]["reporting"] == 1
    # The region itself has seven: shown, all of them counted.
    assert region["area"]["reporting"] == 7 and Decimal(region["area"]["total"]) == 145


def test_one_cpts_making_most_of_a_total_hides_it(federation_client, moselle):
    for name, value in (("metz", 1), ("thionville", 1), ("sarreguemines", 200)):
        share(moselle[name], "protocoles-en-vigueur", value)
    area = federation_client.get(f"{API}protocoles-en-vigueur/departments/57/", {"year": 2025}).json()["area"]
    assert area["reporting"] == 3 and area["total"] is None
    assert area["hidden_reason"] == "une seule CPTS représente plus de 85 % du total"


def test_a_value_built_on_few_professionals_is_never_shown_alone_nor_recomputable(federation_client, moselle):
    # « maitres-stage » counts professionals: 4 would single out four named people.
    for name, value in (("metz", 4), ("thionville", 20), ("sarreguemines", 15)):
        share(moselle[name], "maitres-stage", value)
    data = federation_client.get(f"{API}maitres-stage/departments/57/", {"year": 2025}).json()
    values = {v["short_name"]: v for v in data["values"]}
    assert values["metz"]["value"] is None
    assert values["metz"]["hidden_reason"] == "valeur construite sur moins de 11 professionnels"
    assert Decimal(values["thionville"]["value"]) == 20
    # 39 − 20 − 15 would give Metz's 4 back: the total goes too.
    assert data["area"]["total"] is None
    assert data["area"]["hidden_reason"] == "une valeur masquée pourrait être recalculée à partir du total"
    csv = federation_client.get("/observatoire/donnees/valeurs-cpts-2025.csv").content.decode()
    metz_line = next(line for line in csv.splitlines() if line.startswith("2025,maitres-stage,metz,"))
    assert ",,valeur construite sur moins de 11 professionnels" in metz_line


def test_values_shared_with_the_federation_stay_out_of_every_public_answer(federation_client, moselle):
    share(moselle["metz"], "snp-demandes-traitees", 900, audience="federation")
    for name, value in (("thionville", 100), ("sarreguemines", 110), ("forbach", 120)):
        share(moselle[name], "snp-demandes-traitees", value)
    area = federation_client.get(f"{API}snp-demandes-traitees/departments/57/", {"year": 2025}).json()["area"]
    assert area["reporting"] == 3 and Decimal(area["total"]) == 330
    page = federation_client.get(
        "/observatoire/snp-demandes-traitees/", {"departement": "57"}
    ).content.decode()
    assert "900" not in page and "CPTS Metz" not in page
    files = [
        federation_client.get(f"/observatoire/donnees/{name}").content.decode()
        for name in ("valeurs-cpts-2025.csv", "valeurs-cpts-2025.json", "agregats-2025.csv")
    ]
    assert all("900" not in text for text in files)


def test_the_page_shows_the_chain_chart_map_and_tables(federation_client, moselle):
    response = federation_client.get(
        "/observatoire/actions-prevention/", {"departement": "57", "annee": "2025"}
    )
    assert response.status_code == 200
    page = response.content.decode()
    breadcrumb = page[
        page.index('aria-label="Fil d\'Ariane"') : page.index("</nav>", page.index("Fil d'Ariane"))
    ]
    assert [label in breadcrumb for label in ("France", "Grand Est", "Moselle")] == [True, True, True]
    assert 'role="img"' in page and "Répartition des CPTS par tranche de valeurs" in page
    # SVG coordinates keep a decimal point on a French page (no « 66,4 »).
    assert re.search(r'<rect class="obs-bar" x="[\d.]+" y="[\d.]+" width="[\d.]+" height="[\d.]+"/>', page)
    assert "Les chiffres du graphique" in page and "Les chiffres de la carte" in page
    assert "CPTS Forbach (fictive)" in page
    home = federation_client.get("/observatoire/").content.decode()
    assert "Actions de prévention menées" in home and "dernière : 2025" in home


@pytest.mark.parametrize("query", [{"annee": "deux-mille"}, {"region": "99"}, {"departement": "0"}])
def test_bad_choices_get_a_french_error_and_a_400(federation_client, moselle, query):
    response = federation_client.get("/observatoire/actions-prevention/", query)
    assert response.status_code == 400
    assert "Le choix n'est pas compris" in response.content.decode()


def test_the_api_answers_bad_input_in_its_error_format(federation_client, moselle):
    response = federation_client.get(f"{API}actions-prevention/", {"year": "x"})
    assert response.status_code == 400 and "year" in response.json()["error"]["fields"]
    assert federation_client.get(f"{API}inconnu/").status_code == 404
    assert federation_client.get(f"{API}actions-prevention/departments/00/").status_code == 404
    catalogue = federation_client.get(API).json()
    entry = next(e for e in catalogue if e["code"] == "actions-prevention")
    assert entry["years"] == [2025] and entry["mission"] == "prevention"


def test_the_federation_admin_sees_shared_values(federation_staff_client, moselle, client):
    share(moselle["metz"], "snp-demandes-traitees", 900, audience="federation")
    for name, value in (("thionville", 100), ("sarreguemines", 110), ("forbach", 120)):
        share(moselle[name], "snp-demandes-traitees", value)
    page = federation_staff_client.get("/admin/observatoire/snp-demandes-traitees/", {"departement": "57"})
    assert page.status_code == 200
    text = page.content.decode()
    assert "Valeurs partagées avec la fédération" in text
    # Metz's 900 counts here (shared with the federation): 4 CPTS, 1,230 in all.
    assert "CPTS déclarantes</dt><dd>4</dd>" in text
    assert re.search(r"Total</dt><dd>1\D{0,8}230</dd>", text), text[text.index("Total") :][:80]
    home = federation_staff_client.get("/admin/observatoire/").content.decode()
    assert "Demandes de soins non programmés traitées" in home
    anonymous = client.get("/admin/observatoire/", HTTP_HOST="localhost")
    assert anonymous.status_code == 302 and "/admin/login/" in anonymous["Location"]
