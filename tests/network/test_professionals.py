"""« Trouver un professionnel » network-wide: the federation's page and API read the public copy only."""

from datetime import timedelta

from django.core.management import call_command
from django.db import connection
from django.utils import timezone

from content.models import HomePage
from content.services import page_publish, territory_add_communes
from cpts_network.demo.members import demo_members_load
from cpts_network.demo.professionals import demo_professionals_load
from members.models import DirectoryPage, Membership
from network.professionals import PublicProfessional, new_patients_days


def test_the_demo_lists_five_fictitious_professionals_and_hides_a_stale_flag(
    alpha, client, federation_client
):
    with alpha.context():
        territory_add_communes(cpts=alpha.cpts, codes=["57463", "57480"])
        demo_members_load(short_name="alpha")
        demo_professionals_load(short_name="alpha")
        demo_professionals_load(short_name="alpha")  # idempotent
        listed = Membership.objects.filter(directory_consent=True, status="accepted")
        assert listed.count() >= 5 and all("(ficti" in m.name for m in listed)
        assert listed.exclude(commune_id__in=["57463", "57480"]).count() == 0
        stale = Membership.objects.get(name="Noa Exemple (fictive)")
        assert stale.new_patients_confirmed_on < timezone.localdate() - timedelta(days=new_patients_days())
        url = DirectoryPage.objects.get().url
    call_command("check_public_copies", "--cpts", "alpha")
    connection.set_schema_to_public()
    page = client.get(url, HTTP_HOST=alpha.host).content.decode()
    assert "6 professionnels trouvés" in page and page.count("Accepte de nouveaux patients (confirmé") == 2
    noa = page.split("Noa Exemple (fictive)", 1)[1].split("</li>", 1)[0]
    assert "nouveaux patients" not in noa and "luxembourgeois" in noa

    api = federation_client.get("/api/network/professionals/").json()
    assert api["count"] == 6 and PublicProfessional.objects.count() == 6
    assert "@" not in str(api)
    by_name = {p["name"]: p for p in api["results"]}
    assert by_name["Noa Exemple (fictive)"]["accepts_new_patients"] is None
    assert by_name["Morgane Exemple (fictive)"]["languages"] == ["de", "en"]

    def count(**query) -> int:
        return federation_client.get("/api/network/professionals/", query).json()["count"]

    found = federation_client.get("/api/network/professionals/", {"new_patients": "true"}).json()
    assert sorted(p["name"] for p in found["results"]) == [
        "Camille Exemple (fictif)",
        "Morgane Exemple (fictive)",
    ]
    assert (count(profession="dentist"), count(department="54"), count(language="lb")) == (1, 0, 1)
    assert count(step_free="true") == 3
    paged = federation_client.get("/api/network/professionals/", {"limit": 2, "offset": 2}).json()
    assert len(paged["results"]) == 2 and paged["next"] and paged["previous"]
    bad = federation_client.get("/api/network/professionals/", {"language": "xx"})
    assert bad.status_code == 400 and "language" in str(bad.json())

    def page(**query) -> str:
        return federation_client.get("/professionnels/", query).content.decode()

    html = page(department="57", new_patients="1")
    assert "2 professionnels trouvés" in html and "<legend>Qui, où</legend>" in html
    assert 'id="commune"' in html and "Montigny-lès-Metz" in html and "<svg" in html
    one = page(profession="dentist")
    assert "1 professionnel trouvé" in one
    none = page(profession="midwife", language="ar")
    assert "0 professionnel trouvé" in none and "Aucun professionnel ne correspond" in none
    assert federation_client.get("/professionnels/", {"department": "nope"}).status_code == 400


def test_the_network_api_is_in_its_openapi_schema(federation_client):
    schema = federation_client.get("/api/network/schema/", HTTP_ACCEPT="application/json").json()
    operation = schema["paths"]["/api/network/professionals/"]["get"]
    names = {p["name"] for p in operation["parameters"]}
    assert {"profession", "department", "commune", "language", "new_patients", "step_free"} <= names


def test_a_cpts_without_a_directory_page_still_has_its_copy_in_step(alpha):
    with alpha.context():
        page_publish(parent=HomePage.objects.get(), page=DirectoryPage(title="Annuaire"))
    call_command("check_public_copies", "--cpts", "alpha")
