"""ACI funding: versioned grids, the arithmetic, and who sees what."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from network.funding import FundingGrid, FundingLine, max_funding
from tenants.services import cpts_update

# Expected totals from the grid in the issue, all six missions engaged.
FULL = {
    # tier: (operating, access, pathways, prevention, crisis first year, quality, support)
    1: (50_000, 80_000, 50_000, 20_000, 25_000, 15_000, 10_000),
    4: (90_000, 155_000, 100_000, 40_000, 50_000, 40_000, 30_000),
}


def current() -> FundingGrid:
    return FundingGrid.objects.get(valid_from=datetime.date(2022, 1, 1))


@pytest.mark.parametrize("tier", [1, 4])
def test_first_year_with_every_mission(db, tier):
    estimate = max_funding(
        grid=current(), tier=tier, missions=["quality", "professional_support"], contract_year=1
    )
    assert [line.total for line in estimate.lines] == list(FULL[tier])
    assert estimate.total == sum(FULL[tier])


def test_following_years_and_a_serious_crisis(db):
    later = max_funding(grid=current(), tier=2, missions=[], contract_year=3)
    crisis = {line.item: line for line in later.lines}["health_crises"]
    assert crisis.total == 17_500
    serious = max_funding(grid=current(), tier=2, missions=[], contract_year=3, serious_crisis=True)
    assert {line.item: line for line in serious.lines}["health_crises"].total == 17_500 + 52_500
    # Optional missions not engaged are not funded.
    assert "quality" not in {line.item for line in later.lines}


def test_the_2019_grid_knows_tier_4_only_and_says_so(db):
    original = FundingGrid.objects.get(valid_from=datetime.date(2019, 8, 21))
    tier4 = max_funding(grid=original, tier=4, missions=["quality", "professional_support"], contract_year=2)
    amounts = {line.item: line.total for line in tier4.lines}
    assert amounts["operating"] == 90_000
    assert amounts["care_pathways"] == 100_000
    assert amounts["professional_support"] == 30_000
    tier1 = max_funding(grid=original, tier=1, missions=[], contract_year=2)
    assert not tier1.complete
    assert {line.item: line.total for line in tier1.lines}["operating"] is None


def test_a_complete_grid_missing_a_tier_is_refused(db):
    grid = FundingGrid.objects.create(name="Essai", valid_from=datetime.date(2030, 1, 1))
    line = FundingLine(grid=grid, item="operating", part="total", tier_1=1, tier_2=2, tier_4=4)
    with pytest.raises(ValidationError, match="tranche 3"):
        line.full_clean()


def test_federation_admin_refuses_a_line_missing_a_tier(db, federation_staff_client):
    grid = current()
    line = grid.lines.get(item="operating", part="total")
    data = {
        "name": grid.name,
        "valid_from": "2022-01-01",
        "source": "",
        "lines-TOTAL_FORMS": "1",
        "lines-INITIAL_FORMS": "1",
        "lines-MIN_NUM_FORMS": "0",
        "lines-MAX_NUM_FORMS": "1000",
        "lines-0-id": str(line.pk),
        "lines-0-grid": str(grid.pk),
        "lines-0-item": "operating",
        "lines-0-part": "total",
        "lines-0-tier_1": "50000",
        "lines-0-tier_2": "",
        "lines-0-tier_3": "75000",
        "lines-0-tier_4": "90000",
    }
    response = federation_staff_client.post(f"/admin/network/fundinggrid/{grid.pk}/change/", data)
    assert response.status_code == 200
    assert "Montant manquant pour la tranche 2" in response.content.decode()
    line.refresh_from_db()
    assert line.tier_2 == 60_000


def test_a_cpts_sees_its_funding_and_the_federation_sees_everyone(alpha, alpha_client, federation_client):
    assert alpha_client.get("/api/v2/funding/").status_code == 404  # no contract yet
    cpts_update(cpts=alpha.cpts, aci_signed_on=datetime.date.today(), aci_optional_missions=["quality"])
    own = alpha_client.get("/api/v2/funding/").json()
    assert own["tier"] == 1 and own["contract_year"] == 1
    assert own["total"] == 50_000 + 80_000 + 50_000 + 20_000 + 25_000 + 15_000
    network = {row["short_name"]: row for row in federation_client.get("/api/network/funding/").json()}
    assert network["alpha"]["max_annual_funding"] == own["total"]
    assert network["beta"]["max_annual_funding"] is None


def test_missions_api_marks_engaged_missions(alpha, alpha_client):
    cpts_update(cpts=alpha.cpts, aci_signed_on=datetime.date(2024, 5, 1), aci_optional_missions=["quality"])
    missions = {m["mission"]: m for m in alpha_client.get("/api/v2/missions/").json()}
    assert missions["prevention"]["engaged"] and missions["prevention"]["core"]
    assert missions["quality"]["engaged"] and not missions["quality"]["core"]
    assert not missions["professional_support"]["engaged"]
