"""The federation's figures, live, in a constant number of queries."""

import csv
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from content.services import territory_add_communes
from network.models import Commune
from tenants.services import cpts_create
from tests.network.coverage_stages import aci_signed as aci_signed  # the fixture

pytestmark = pytest.mark.usefixtures("aci_signed")


def add(tenant_cpts, *codes):
    with tenant_cpts:
        territory_add_communes(cpts=tenant_cpts, codes=list(codes))
    connection.set_schema_to_public()


def pop(*codes) -> int:
    return sum(Commune.objects.filter(code__in=codes).values_list("population", flat=True))


def test_a_territory_edit_shows_in_the_next_coverage_response(federation_client, alpha):
    before = federation_client.get("/api/network/coverage/departments/57/").json()
    add(alpha.cpts, "57463", "57480")
    after = federation_client.get("/api/network/coverage/departments/57/").json()
    assert after["totals"]["covered_population"] - before["totals"]["covered_population"] == pop(
        "57463", "57480"
    )
    assert after["totals"]["uncovered_communes"] == before["totals"]["uncovered_communes"] - 2
    assert "57463" not in {c["code"] for c in after["uncovered_communes"]}
    cpts = {c["short_name"]: c for c in after["cpts"]}
    assert cpts["alpha"]["population"] == pop("57463", "57480")
    assert cpts["alpha"]["tier"] == 3


def test_national_totals_are_the_sum_of_regions(federation_client, alpha):
    add(alpha.cpts, "57463")
    data = federation_client.get("/api/network/coverage/").json()
    assert data["totals"]["population"] == sum(r["population"] for r in data["children"])
    assert data["totals"]["covered_population"] == pop("57463")
    assert len(data["children"]) == 18
    populations = [c["population"] for c in data["uncovered_communes"]]
    assert populations == sorted(populations, reverse=True)
    assert "57463" not in {c["code"] for c in data["uncovered_communes"]}


def test_overlaps_name_every_cpts_involved(federation_client, alpha, beta):
    add(alpha.cpts, "57463")
    add(beta.cpts, "57463")
    data = federation_client.get("/api/network/coverage/regions/44/").json()
    overlap = next(o for o in data["overlaps"] if o["code"] == "57463")
    assert [c["short_name"] for c in overlap["cpts"]] == ["alpha", "beta"]
    # Counted once in the covered population.
    assert data["totals"]["covered_population"] == pop("57463")
    assert data["totals"]["overlapping_communes"] == 1


def test_paris_arrondissements_are_never_counted_twice(federation_client, alpha, beta):
    add(alpha.cpts, "75113")  # Paris 13e
    data = federation_client.get("/api/network/coverage/departments/75/").json()
    assert data["totals"]["covered_population"] == pop("75113")
    add(beta.cpts, "75056")  # the whole city
    data = federation_client.get("/api/network/coverage/departments/75/").json()
    assert data["totals"]["covered_population"] == data["totals"]["population"]
    assert [o["code"] for o in data["overlaps"]] == ["75113"]
    cpts = {c["short_name"]: c for c in data["cpts"]}
    assert cpts["beta"]["population"] == pop("75056")


def test_cpts_counted_by_stage_and_tier(federation_client, alpha):
    add(
        alpha.cpts,
        *Commune.objects.filter(department_id="57")
        .order_by("-population")
        .values_list("code", flat=True)[:3],
    )
    data = federation_client.get("/api/network/coverage/regions/44/").json()
    assert data["cpts_by_stage"]["aci_signed"] >= 2  # alpha and beta, put there by the fixture
    assert sum(data["cpts_by_tier"].values()) == len(data["cpts"])


def test_query_count_does_not_grow_with_the_number_of_cpts(federation_client, alpha, beta):
    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert federation_client.get("/api/network/coverage/").status_code == 200
        assert not any("search_path" in q["sql"] and "alpha" in q["sql"] for q in queries)
        return len(queries)

    add(alpha.cpts, "57463")
    few = count()
    for i in range(3):
        extra = cpts_create(
            name=f"Extra {i}",
            short_name=f"extra-{i}",
            region_code="44",
            department_code="57",
            coordinator_email=f"e{i}@x.fr",
        ).cpts
        add(extra, "57480")
    assert count() == few


def test_csv_exports(federation_client, alpha):
    add(alpha.cpts, "57463")
    response = federation_client.get("/api/network/coverage/regions/44/", {"format": "csv"})
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    moselle = next(r for r in rows if r["code"] == "57")
    assert int(moselle["covered_population"]) == pop("57463")

    directory = federation_client.get("/api/network/cpts/", {"format": "csv"}).content.decode("utf-8-sig")
    assert directory.splitlines()[0].startswith("short_name;name;stage;tier")


def test_unknown_region_is_a_json_404(federation_client, db):
    response = federation_client.get("/api/network/coverage/regions/99/")
    assert response.status_code == 404
    assert response.json()["error"]["message"] == "Région inconnue : 99."


def test_federation_dashboard_renders_for_staff(federation_staff_client, alpha):
    add(alpha.cpts, "57463")
    response = federation_staff_client.get("/admin/coverage/", {"region": "44"})
    assert response.status_code == 200
    body = response.content.decode()
    assert "Grand Est" in body
    assert "Moselle" in body
    assert "Reims" in body  # the largest uncovered commune of the region


def test_national_view_counts_cpts_without_listing_them(federation_client, alpha):
    add(alpha.cpts, "57463")
    national = federation_client.get("/api/network/coverage/").json()
    assert national["cpts"] == []
    assert sum(national["cpts_by_stage"].values()) >= 2
    regional = federation_client.get("/api/network/coverage/regions/44/").json()
    assert "alpha" in {c["short_name"] for c in regional["cpts"]}


def test_removing_every_claim_uncovers_the_communes(federation_client, alpha):
    from network.models import Commune

    add(alpha.cpts, "57463")
    assert Commune.objects.get(code="57463").cover_count == 1
    from network.coverage import coverage_sync
    from network.models import TerritoryClaim

    TerritoryClaim.objects.filter(cpts=alpha.cpts).delete()
    coverage_sync(cpts_id=alpha.cpts.pk)
    assert Commune.objects.get(code="57463").cover_count == 0
    data = federation_client.get("/api/network/coverage/departments/57/").json()
    assert "57463" in {c["code"] for c in data["uncovered_communes"]}


def test_a_department_export_lists_every_uncovered_commune(federation_client, alpha):
    add(alpha.cpts, "57463")
    uncovered = Commune.objects.filter(department_id="57", is_current=True, is_unit=True).count() - 1
    assert uncovered > 100  # more than the JSON lists: the export must not stop there
    response = federation_client.get("/api/network/coverage/departments/57/", {"format": "csv"})
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert len(rows) == uncovered
    assert "57463" not in {row["code"] for row in rows}
    summary = federation_client.get("/api/network/coverage/departments/57/").json()
    assert len(summary["uncovered_communes"]) == 100
    assert summary["uncovered_communes_complete"] is False
    assert summary["totals"]["uncovered_communes"] == uncovered


@pytest.mark.parametrize(
    ("population", "tier"),
    [(0, 1), (39_999, 1), (40_000, 2), (80_000, 2), (80_001, 3), (175_000, 3), (175_001, 4), (600_000, 4)],
)
def test_aci_sizes_at_their_boundaries(population, tier):
    from network.selectors import aci_tier

    assert aci_tier(population) == tier


def test_communes_are_counted_as_communes_and_units_separately(federation_client, alpha):
    france = federation_client.get("/api/network/coverage/").json()["totals"]
    arrondissements = Commune.objects.filter(is_current=True, is_unit=True, parent__isnull=False).count()
    cities = Commune.objects.filter(is_current=True, arrondissements__isnull=False).distinct().count()
    assert (arrondissements, cities) == (45, 3)
    assert france["units"] - france["communes"] == arrondissements - cities
    paris = federation_client.get("/api/network/coverage/departments/75/").json()
    assert (paris["totals"]["communes"], paris["totals"]["units"]) == (1, 20)
    assert {item["kind"] for item in paris["uncovered_communes"]} == {"arrondissement"}
    # Part of Paris in a CPTS: 19 arrondissements still uncovered, but Paris is not "a commune in no CPTS".
    add(alpha.cpts, "75113")
    paris = federation_client.get("/api/network/coverage/departments/75/").json()["totals"]
    assert (paris["uncovered_units"], paris["uncovered_communes"]) == (19, 0)
