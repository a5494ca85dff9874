"""A coordinator edits the territory in the CPTS admin; figures are derived."""

import pytest
from django.core.management import CommandError, call_command

from content.models import TerritoryCommune
from network.models import Commune, TerritoryClaim
from tests.conftest import login


def population(*codes: str) -> int:
    return sum(Commune.objects.filter(code__in=codes).values_list("population", flat=True))


def test_search_then_add_then_figures_are_derived(alpha, alpha_client):
    login(alpha_client, alpha)
    page = alpha_client.get("/admin/territory/", {"q": "montigny les metz"})
    assert page.status_code == 200
    assert "Montigny-lès-Metz" in page.content.decode()

    response = alpha_client.post("/admin/territory/add/", {"code": ["57463", "57480"]})
    assert response.status_code == 302

    data = alpha_client.get("/api/v2/territory/").json()
    assert data["commune_count"] == 2
    assert data["population"] == population("57463", "57480")
    assert data["tier"] == 3  # Metz and Montigny: ~144,000 inhabitants
    assert data["departments"] == ["57"]


def test_search_by_postal_code_and_by_insee_code(alpha, alpha_client):
    login(alpha_client, alpha)
    assert "Woippy" in alpha_client.get("/admin/territory/", {"q": "57140"}).content.decode()
    assert "Woippy" in alpha_client.get("/admin/territory/", {"q": "57751"}).content.decode()


def test_unknown_code_is_refused_in_french_and_nothing_saved_is_lost(alpha, alpha_client):
    login(alpha_client, alpha)
    alpha_client.post("/admin/territory/add/", {"code": ["57463"]})
    response = alpha_client.post("/admin/territory/add/", {"code": ["57480", "99999"]}, follow=True)
    assert "Codes INSEE inconnus : 99999" in response.content.decode()
    with alpha.context():
        assert list(TerritoryCommune.objects.values_list("commune_id", flat=True)) == ["57463"]


def test_commune_listed_twice_is_added_once_and_reported(alpha, alpha_client):
    login(alpha_client, alpha)
    alpha_client.post("/admin/territory/add/", {"code": ["57463"]})
    response = alpha_client.post("/admin/territory/add/", {"code": ["57463", "57463"]}, follow=True)
    assert "Déjà dans le territoire : 57463" in response.content.decode()
    with alpha.context():
        assert TerritoryCommune.objects.count() == 1


def test_import_shows_a_preview_and_adds_only_what_is_confirmed(alpha, alpha_client):
    login(alpha_client, alpha)
    preview = alpha_client.post(
        "/admin/territory/import/", {"text": "St-Julien-lès-Metz\nSaint-Julien\nPlapeville\n"}
    )
    body = preview.content.decode()
    assert preview.status_code == 200
    assert "1 reconnue(s), 1 ambiguë(s), 1 non reconnue(s)" in body
    assert "Plappeville" in body  # suggested, not checked
    with alpha.context():
        assert not TerritoryCommune.objects.exists()  # nothing written by the preview

    alpha_client.post("/admin/territory/add/", {"code": ["57616", "57545"]})
    with alpha.context():
        assert set(TerritoryCommune.objects.values_list("commune_id", flat=True)) == {"57616", "57545"}


def test_import_of_an_empty_file_says_so(alpha, alpha_client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    login(alpha_client, alpha)
    response = alpha_client.post(
        "/admin/territory/import/", {"file": SimpleUploadedFile("vide.csv", b"\n\n")}
    )
    assert "Le fichier est vide." in response.content.decode()


def test_import_of_a_huge_list_is_refused_with_a_message(alpha, alpha_client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    login(alpha_client, alpha)
    lines = "\n".join(["Metz"] * 3000)
    response = alpha_client.post("/admin/territory/import/", {"text": lines})
    assert response.status_code == 200
    assert "3000 communes dans la liste : 1000 au plus" in response.content.decode()
    big = SimpleUploadedFile("dept.csv", ("57463\n" * 50_000).encode())
    response = alpha_client.post("/admin/territory/import/", {"file": big})
    assert "Fichier trop volumineux" in response.content.decode()
    # A list of ordinary size still gets its preview: the refusals above can fail.
    response = alpha_client.post("/admin/territory/import/", {"text": "\n".join(["Metz"] * 900)})
    assert "Vérifier" in response.content.decode()


def test_overlap_is_flagged_on_both_sides(alpha, beta, alpha_client, beta_client):
    login(alpha_client, alpha)
    login(beta_client, beta)
    alpha_client.post("/admin/territory/add/", {"code": ["57463"]})
    beta_client.post("/admin/territory/add/", {"code": ["57463", "54395"]})

    alpha_metz = alpha_client.get("/api/v2/territory/").json()["communes"][0]
    assert alpha_metz["shared_with"] == ["CPTS Beta"]
    beta_communes = {c["code"]: c for c in beta_client.get("/api/v2/territory/").json()["communes"]}
    assert beta_communes["57463"]["shared_with"] == ["CPTS Alpha"]
    assert beta_communes["54395"]["shared_with"] == []
    # A territory across two departments is allowed and shown.
    assert beta_client.get("/api/v2/territory/").json()["departments"] == ["54", "57"]


def test_removal_updates_the_public_copy_too(alpha, alpha_client):
    login(alpha_client, alpha)
    alpha_client.post("/admin/territory/add/", {"code": ["57463", "57480"]})
    alpha_client.post("/admin/territory/remove/", {"code": ["57480"]})
    assert list(TerritoryClaim.objects.filter(cpts=alpha.cpts).values_list("commune_id", flat=True)) == [
        "57463"
    ]


def test_import_command_previews_without_writing_then_applies_resolved_only(alpha, tmp_path, capsys):
    listing = tmp_path / "communes.txt"
    listing.write_text("Metz\nSaint-Julien\nWoippy\n", encoding="utf-8")
    call_command("import_territory", "alpha", str(listing))
    out = capsys.readouterr().out
    assert "2 reconnue(s), 1 à trancher" in out
    with alpha.context():
        assert not TerritoryCommune.objects.exists()

    call_command("import_territory", "alpha", str(listing), "--apply")
    with alpha.context():
        assert set(TerritoryCommune.objects.values_list("commune_id", flat=True)) == {"57463", "57751"}


def test_drift_between_a_territory_and_its_public_copy_is_reported_and_mended(alpha, alpha_client):
    login(alpha_client, alpha)
    alpha_client.post("/admin/territory/add/", {"code": ["57463"]})
    TerritoryClaim.objects.filter(cpts=alpha.cpts).delete()
    with pytest.raises(CommandError, match="écart"):
        call_command("check_public_copies")
    call_command("check_public_copies", "--fix")
    assert TerritoryClaim.objects.filter(cpts=alpha.cpts, commune_id="57463").exists()
    call_command("check_public_copies")  # in step again


def test_drift_in_coverage_counts_is_reported_and_mended(alpha, alpha_client, capsys):
    login(alpha_client, alpha)
    alpha_client.post("/admin/territory/add/", {"code": ["57463"]})
    Commune.objects.filter(code="57463").update(cover_count=5)
    with pytest.raises(CommandError, match="relancez avec --fix"):
        call_command("check_public_copies")
    assert "territory claims : compteurs de couverture en écart" in capsys.readouterr().out
    call_command("check_public_copies", "--fix")
    assert Commune.objects.get(code="57463").cover_count == 1


def test_the_search_shows_the_communes_found_on_the_map_before_they_are_added(alpha, alpha_client):
    import re

    login(alpha_client, alpha)
    alpha_client.post("/admin/territory/add/", {"code": ["57463"]})
    html = alpha_client.get("/admin/territory/", {"q": "57480"}).content.decode()
    drawn = dict(re.findall(r'#c(\d+)" class="([\w-]+)"', html))
    assert drawn["57463"] == "com-ours" and drawn["57480"] == "com-candidate"
    assert "commune trouvée, à ajouter" in html
    assert not TerritoryCommune.objects.filter(commune_id="57480").exists()  # shown, not added


def test_suggestions_while_typing_leave_out_the_territory(alpha, alpha_client, client):
    login(alpha_client, alpha)
    alpha_client.post("/admin/territory/add/", {"code": ["57463"]})
    assert "Metz" not in [
        c["name"] for c in alpha_client.get("/admin/territory/communes/", {"q": "metz"}).json()["communes"]
    ]
    found = alpha_client.get("/admin/territory/communes/", {"q": "montigny"}).json()["communes"]
    assert "Montigny-lès-Metz" in [c["name"] for c in found] and len(found) == 10  # the ten most populous
    montigny = next(c for c in found if c["name"] == "Montigny-lès-Metz")
    assert montigny == {
        "code": "57480",
        "name": "Montigny-lès-Metz",
        "department": "57",
        "department_name": "Moselle",
        "postal_codes": ["57950"],
        "population": montigny["population"],
    }
    assert (
        alpha_client.get("/admin/territory/communes/", {"q": "57950"}).json()["communes"][0]["code"]
        == "57480"
    )
    assert alpha_client.get("/admin/territory/communes/", {"q": "m"}).json() == {"communes": []}
    # The territory's department first: « ars » is Ars-sur-Moselle to a CPTS of Metz, not Arsac (33).
    ars = alpha_client.get("/admin/territory/communes/", {"q": "ars"}).json()["communes"]
    assert [c["department"] for c in ars[:2]] == ["57", "57"] and ars[0]["name"] == "Ars-sur-Moselle"
    # Not for visitors: the admin's sign-in first.
    assert client.get("/admin/territory/communes/", {"q": "metz"}, HTTP_HOST=alpha.host).status_code == 302


def test_the_planner_knows_the_territory_s_size_after_each_change(alpha, alpha_client):
    """Too small for autovacuum: without statistics every page scanned the 35,000 communes."""
    from django.db import connection

    def planner_rows() -> float:
        with alpha.context(), connection.cursor() as cursor:
            cursor.execute("SELECT reltuples FROM pg_class WHERE oid = 'content_territorycommune'::regclass")
            return cursor.fetchone()[0]

    login(alpha_client, alpha)
    added = alpha_client.post("/admin/territory/add/", {"code": ["57463", "57480", "57751"]})
    assert added.status_code == 302
    assert planner_rows() == 3
    assert alpha_client.post("/admin/territory/remove/", {"code": ["57480"]}).status_code == 302
    assert planner_rows() == 2
