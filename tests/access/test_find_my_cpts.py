"""« Trouver ma CPTS » through HTTP on the federation's host: the page, the API and their bounds."""

import pytest

from access.commune_names import commune_names_forget
from access.selectors import find_my_cpts
from network.models import Commune
from tenants.services import public_url

from .conftest import LE_BAN, METZ, MONTIGNY, NANCY, territory

API = "/api/network/find-my-cpts/"
PAGE = "/trouver-ma-cpts/"


def ask(client, **params) -> dict:
    response = client.get(API, params)
    assert response.status_code == 200, response.content[:500]
    return response.json()


def test_a_postal_code_gives_the_cpts_of_its_commune(federation_client, metz_area):
    data = ask(federation_client, q="57000")
    assert data["status"] == "found"
    [commune] = data["communes"]
    assert (commune["code"], commune["name"], commune["department"]) == (METZ, "Metz", "57")
    assert "57000" in commune["postal_codes"]
    assert commune["matched_by"] == "postal_code"
    assert commune["cpts"] == [
        {
            "short_name": "alpha",
            "name": "CPTS Alpha",
            "stage": "idea",
            "stage_label": "Idée / pré-projet",
            "site_url": public_url(metz_area.host),
            "adhesion_url": None,
            "unscheduled_care_url": None,
        }
    ]
    assert commune["fallback"] is None


@pytest.mark.parametrize("written", ["Montigny les Metz", "MONTIGNY-LÈS-METZ", "montigny lez metz (57)"])
def test_a_name_without_accents_or_hyphens_finds_the_commune(federation_client, metz_area, written):
    data = ask(federation_client, q=written)
    assert data["status"] == "found"
    assert data["communes"][0]["code"] == MONTIGNY
    assert [c["short_name"] for c in data["communes"][0]["cpts"]] == ["alpha"]


def test_a_name_several_communes_bear_also_lists_those_it_begins_the_largest_first(
    federation_client, metz_area
):
    """« montigny » listed five communes Montigny and not Montigny-lès-Metz, the page's own example."""
    data = ask(federation_client, q="montigny")
    assert data["status"] == "several"
    names = [c["name"] for c in data["communes"]]
    assert "Montigny-lès-Metz" in names
    begun = [c for c in data["communes"] if c["name"].startswith(("Montigny-", "Montigny "))]
    first_begun = names.index(begun[0]["name"])
    assert all(not n.startswith(("Montigny-", "Montigny ")) for n in names[:first_begun])
    assert "Montigny" in names[:first_begun]
    codes = [c["code"] for c in begun]
    population = dict(Commune.objects.filter(code__in=codes).values_list("code", "population"))
    assert [population[code] for code in codes] == sorted(population.values(), reverse=True)
    # One commune of that very name is the one meant.
    assert ask(federation_client, q="Metz")["status"] == "found"


def test_a_typo_suggests_the_closest_names_without_choosing(federation_client, metz_area):
    data = ask(federation_client, q="Montigni les Metz")
    assert data["status"] == "suggestions"
    assert data["communes"][0]["code"] == MONTIGNY
    assert data["communes"][0]["matched_by"] == "suggestion"


def test_a_postal_code_shared_by_several_communes_lists_them_to_choose(federation_client, metz_area):
    data = ask(federation_client, q="57050")
    assert data["status"] == "several"
    codes = [c["code"] for c in data["communes"]]
    assert {METZ, LE_BAN} <= set(codes)
    # 57050 is also Barchain's INSEE code: listed after the communes of the postal code.
    assert codes[-1] == "57050"
    page = federation_client.get(PAGE, {"q": "57050"}).content.decode()
    assert f'href="?commune={LE_BAN}"' in page
    chosen = ask(federation_client, commune=LE_BAN)
    assert chosen["status"] == "found"
    assert chosen["communes"][0]["name"] == "Le Ban-Saint-Martin"


def test_a_former_name_leads_to_the_commune_nouvelle(federation_client, db, network):
    data = ask(federation_client, q="Ancy-sur-Moselle")
    assert data["status"] == "found"
    assert data["communes"][0]["name"] == "Ancy-Dornot"
    assert "commune déléguée" in data["communes"][0]["note"]


def test_paris_gives_its_arrondissements(federation_client, db, network):
    data = ask(federation_client, q="Paris")
    assert data["status"] == "several"
    assert len(data["communes"]) == 20
    assert {c["kind"] for c in data["communes"]} == {"arrondissement"}
    assert ask(federation_client, q="75013")["communes"][0]["name"] == "Paris 13e Arrondissement"


def test_a_commune_in_no_cpts_says_who_to_contact(federation_client, alpha, beta):
    territory(alpha, METZ)
    data = ask(federation_client, q="Nancy")
    [commune] = data["communes"]
    assert commune["code"] == NANCY
    assert commune["cpts"] == []
    fallback = commune["fallback"]
    assert fallback["ars_name"] == "ARS Grand Est"
    assert fallback["ars_url"] == "https://www.grand-est.ars.sante.fr/"
    # beta, of department 54 and without a territory yet, is the network's CPTS there; alpha is not.
    assert [c["short_name"] for c in fallback["department_cpts"]] == ["beta"]

    page = federation_client.get(PAGE, {"q": "Nancy"}).content.decode()
    assert "Aucune CPTS du réseau ne couvre encore Nancy." in page
    assert '<a href="https://www.grand-est.ars.sante.fr/">ARS Grand Est</a>' in page
    assert "CPTS Beta" in page


def test_overlapping_territories_give_every_cpts(federation_client, metz_area, beta):
    territory(beta, METZ)
    data = ask(federation_client, q="Metz")
    assert [c["short_name"] for c in data["communes"][0]["cpts"]] == ["alpha", "beta"]
    montigny = ask(federation_client, commune=MONTIGNY)["communes"][0]
    assert [c["short_name"] for c in montigny["cpts"]] == ["alpha"]
    page = federation_client.get(PAGE, {"q": "Metz"}).content.decode()
    assert "2 CPTS couvrent Metz : leurs territoires se chevauchent." in page
    assert page.index("CPTS Alpha") < page.index("CPTS Beta")


def test_a_territory_edit_shows_in_the_next_answer(federation_client, alpha):
    assert ask(federation_client, q="Metz")["communes"][0]["cpts"] == []
    territory(alpha, METZ)
    assert [c["short_name"] for c in ask(federation_client, q="Metz")["communes"][0]["cpts"]] == ["alpha"]


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({}, "q"),
        ({"q": ""}, "q"),
        ({"q": "   "}, "q"),
        ({"q": "x" * 101}, "q"),
        ({"commune": "5746"}, "commune"),
    ],
)
def test_an_empty_or_too_long_query_is_a_400_in_the_error_format(federation_client, db, params, field):
    response = federation_client.get(API, params)
    assert response.status_code == 400
    error = response.json()["error"]
    assert (error["status"], error["code"]) == (400, "invalid")
    assert field in error["fields"]
    assert error["message"] == f"Données invalides : {field}."


def test_a_query_naming_nothing_is_an_answer_not_an_error(federation_client, db, network):
    assert ask(federation_client, q="Zzyzx-sur-Nulle-Part") == {
        "query": "Zzyzx-sur-Nulle-Part",
        "status": "none",
        "communes": [],
    }
    page = federation_client.get(PAGE, {"q": "Zzyzx-sur-Nulle-Part"})
    assert page.status_code == 200
    assert "Aucune commune trouvée pour « Zzyzx-sur-Nulle-Part »" in page.content.decode()


def test_the_network_schema_documents_the_route(federation_client, db):
    schema = federation_client.get("/api/network/schema/", HTTP_ACCEPT="application/json").json()
    operation = schema["paths"]["/api/network/find-my-cpts/"]["get"]
    assert {p["name"] for p in operation["parameters"]} >= {"q", "commune"}


@pytest.mark.parametrize(
    ("query", "most"),
    [("57000", 1), ("Montigny les Metz", 1), ("Nancy", 2), ("Paris", 3), ("Montigni les Metz", 3)],
)
def test_each_search_reads_a_bounded_number_of_queries(
    metz_area, beta, django_assert_max_num_queries, query, most
):
    territory(beta, MONTIGNY)
    find_my_cpts(query="Plapeville")  # the process's copy of the names, read once
    with django_assert_max_num_queries(most):
        answer = find_my_cpts(query=query)
    assert answer.communes


def test_the_names_are_read_again_after_new_reference_data(db, network):
    commune_names_forget()
    assert find_my_cpts(query="Plapeville").communes[0].name == "Plappeville"


def test_the_page_is_french_and_labelled(federation_client, metz_area):
    response = federation_client.get(PAGE, {"q": "57000"})
    assert response.status_code == 200
    page = response.content.decode()
    assert '<html lang="fr">' in page
    assert "<h1>Trouver ma CPTS</h1>" in page
    assert '<label for="q">Commune, code postal ou code INSEE</label>' in page
    assert '<h2 id="reponse">Metz' in page
    assert "Étape : Idée / pré-projet" in page
    assert f'href="{public_url(metz_area.host)}"' in page
    assert "liste d'attente" in page  # what the product will not do, and where to go instead
    assert "<script" not in page and "style=" not in page


def test_the_page_without_a_query_is_the_form_and_a_bad_one_a_400(federation_client, db):
    blank = federation_client.get(PAGE)
    assert blank.status_code == 200
    assert 'id="reponse"' not in blank.content.decode()
    too_long = federation_client.get(PAGE, {"q": "x" * 150})
    assert too_long.status_code == 400
    assert 'role="alert"' in too_long.content.decode()


def test_the_federation_home_links_to_the_search(federation_client, db):
    assert 'href="/trouver-ma-cpts/"' in federation_client.get("/").content.decode()
