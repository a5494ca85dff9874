"""A CPTS shares, opens and withdraws its indicators from its own admin; the observatory follows at once."""

from django.core.management import call_command

from aci.models import AciIndicatorYear
from tests.conftest import login

SHARING = "/admin/aci-years/2025/sharing/"


def sharing_form(alpha, choices: dict[str, tuple[str, str, str]]) -> dict:
    """The formset as the screen posts it.

    ``choices``: indicator name → (catalogue code, audience, professionals).
    """
    with alpha.context():
        rows = list(
            AciIndicatorYear.objects.filter(aci_year__year=2025)
            .select_related("indicator")
            .order_by("indicator__mission", "indicator__name")
        )
    data = {
        "share-TOTAL_FORMS": str(len(rows)),
        "share-INITIAL_FORMS": str(len(rows)),
        "share-MIN_NUM_FORMS": "0",
        "share-MAX_NUM_FORMS": "1000",
    }
    for n, row in enumerate(rows):
        code, audience, professionals = choices.get(row.indicator.name, ("", "private", ""))
        data |= {
            f"share-{n}-id": str(row.pk),
            f"share-{n}-catalogue": code,
            f"share-{n}-audience": audience,
            f"share-{n}-professionals": professionals,
        }
    return data


def public_values(federation_client, code: str) -> dict:
    data = federation_client.get(f"/api/network/observatory/{code}/departments/57/", {"year": 2025}).json()
    return {v["short_name"]: v["value"] for v in data["values"]}


def test_opening_a_value_shows_it_everywhere_and_withdrawing_removes_it_at_once(
    year_2025, alpha_client, federation_client
):
    alpha = year_2025
    login(alpha_client, alpha)
    page = alpha_client.get(SHARING)
    assert page.status_code == 200 and "Actions de dépistage" in page.content.decode()
    assert public_values(federation_client, "actions-prevention") == {}

    opened = sharing_form(alpha, {"Actions de dépistage": ("actions-prevention", "open", "")})
    assert alpha_client.post(SHARING, opened).status_code == 302
    assert public_values(federation_client, "actions-prevention") == {"alpha": "3.00"}
    csv = federation_client.get("/observatoire/donnees/valeurs-cpts-2025.csv").content.decode()
    assert "2025,actions-prevention,alpha,CPTS Alpha,44,57,3," in csv
    page = federation_client.get("/observatoire/actions-prevention/", {"departement": "57"}).content.decode()
    assert "CPTS Alpha" in page
    call_command("check_public_copies")  # raises on any drift

    withdrawn = sharing_form(alpha, {"Actions de dépistage": ("actions-prevention", "private", "")})
    assert alpha_client.post(SHARING, withdrawn).status_code == 302
    assert public_values(federation_client, "actions-prevention") == {}
    csv = federation_client.get("/observatoire/donnees/valeurs-cpts-2025.csv").content.decode()
    assert ",alpha," not in csv
    page = federation_client.get("/observatoire/actions-prevention/", {"departement": "57"}).content.decode()
    assert "CPTS Alpha" not in page
    call_command("check_public_copies")


def test_shared_with_the_federation_only_stays_out_of_public_answers(
    year_2025, alpha_client, federation_client, federation_staff_client
):
    alpha = year_2025
    login(alpha_client, alpha)
    shared = sharing_form(alpha, {"Parcours formalisés": ("protocoles-en-vigueur", "federation", "")})
    assert alpha_client.post(SHARING, shared).status_code == 302
    assert public_values(federation_client, "protocoles-en-vigueur") == {}
    admin = federation_staff_client.get("/admin/observatoire/protocoles-en-vigueur/", {"departement": "57"})
    assert "CPTS déclarantes</dt><dd>1</dd>" in admin.content.decode()


def test_one_catalogue_code_for_two_indicators_is_refused_in_french_and_nothing_changes(
    year_2025, alpha_client, federation_client
):
    alpha = year_2025
    login(alpha_client, alpha)
    twice = sharing_form(
        alpha,
        {
            "Patients sans médecin traitant orientés": ("patients-mt-trouves", "open", ""),
            "Plages de soins non programmés": ("patients-mt-trouves", "open", ""),
        },
    )
    response = alpha_client.post(SHARING, twice, follow=True)
    assert "ne peut correspondre qu&#x27;à un seul de vos indicateurs" in response.content.decode()
    assert public_values(federation_client, "patients-mt-trouves") == {}
    with alpha.context():
        assert not AciIndicatorYear.objects.exclude(audience="private").exists()


def test_a_small_base_of_professionals_hides_the_value_alone(year_2025, alpha_client, federation_client):
    alpha = year_2025
    login(alpha_client, alpha)
    few = sharing_form(alpha, {"Parcours formalisés": ("protocoles-en-vigueur", "open", "6")})
    assert alpha_client.post(SHARING, few).status_code == 302
    data = federation_client.get("/api/network/observatory/protocoles-en-vigueur/departments/57/").json()
    [alpha_value] = data["values"]
    assert alpha_value["value"] is None
    assert alpha_value["hidden_reason"] == "valeur construite sur moins de 11 professionnels"


def test_a_hostile_team_member_or_a_forged_form_changes_nothing(
    year_2025, alpha_client, beta, federation_client
):
    """Lecture and Rédaction cannot post; a row of another year, or a code the catalogue lacks, is refused."""
    from aci.models import AciYear
    from aci.services import aci_year_open
    from team.roles import READING, WRITING
    from tests.team.test_roles import person, signed_in

    alpha = year_2025
    opened = sharing_form(alpha, {"Actions de dépistage": ("actions-prevention", "open", "")})
    for role in (READING, WRITING):
        reader = signed_in(alpha, person(alpha, role))
        assert reader.get(SHARING).status_code == 200  # every role reads the choices
        response = reader.post(SHARING, opened)
        assert response.status_code in (302, 403) and response.get("Location", "/admin/") == "/admin/"
    assert public_values(federation_client, "actions-prevention") == {}

    login(alpha_client, alpha)
    # A row id of another year slipped into the 2025 form: not one of its rows, refused.
    with alpha.context():
        other = aci_year_open(cpts=alpha.cpts, year=2026)
        foreign = AciIndicatorYear.objects.filter(aci_year=other).values_list("pk", flat=True).first()
        assert AciYear.objects.count() == 2
    forged = dict(opened, **{"share-0-id": str(foreign)})
    assert alpha_client.post(SHARING, forged).status_code == 200  # the form again, with its error
    unknown = sharing_form(alpha, {"Actions de dépistage": ("pas-un-code", "open", "")})
    page = alpha_client.post(SHARING, unknown).content.decode()
    assert "Le partage n&#x27;est pas enregistré" in page
    assert public_values(federation_client, "actions-prevention") == {}
    with alpha.context():
        assert not AciIndicatorYear.objects.exclude(audience="private").exists()
    # Beta's coordinator at Alpha's door is sent to sign in, as everywhere in the admin.
    outsider = signed_in(beta, person(beta, "Coordination"))
    outsider.defaults["HTTP_HOST"] = alpha.host
    response = outsider.post(SHARING, opened)
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
