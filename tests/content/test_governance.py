"""Governance and indicators: rules checked where coordinators type them."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from content.models import College, IndicatorValue, Mandate, MissionIndicator
from content.models.governance import validate_siret
from tests.conftest import login


def mandate(**fields) -> Mandate:
    base = {
        "full_name": "Dr A",
        "profession": "general_practitioner",
        "role": "president",
        "start": datetime.date(2024, 1, 1),
    }
    return Mandate(**{**base, **fields})


def test_overlapping_terms_for_one_role_are_refused(alpha):
    with alpha.context():
        first = mandate(end=datetime.date(2025, 6, 30))
        first.full_clean()
        first.save()
        with pytest.raises(ValidationError, match="chevauche celui de Dr A"):
            mandate(full_name="Dr B", start=datetime.date(2025, 1, 1)).full_clean()
        # The next term, starting after the first ends, is fine; history is kept.
        mandate(full_name="Dr B", start=datetime.date(2025, 7, 1)).full_clean()
        # Several vice-presidents at once are fine.
        for name in ("Dr C", "Dr D"):
            vp = mandate(full_name=name, role="vice_president")
            vp.full_clean()
            vp.save()


def test_overlap_error_is_shown_in_french_in_the_admin_and_nothing_is_saved(alpha, alpha_client):
    with alpha.context():
        mandate().save()
    login(alpha_client, alpha)
    response = alpha_client.post(
        "/admin/content/mandate/create/",
        {
            "full_name": "Dr Intrus",
            "profession": "general_practitioner",
            "organisation": "",
            "role": "president",
            "college": "",
            "start": "2024-06-01",
            "end": "",
        },
    )
    assert response.status_code == 200
    assert "chevauche celui de Dr A" in response.content.decode()
    with alpha.context():
        assert list(Mandate.objects.values_list("full_name", flat=True)) == ["Dr A"]


def test_director_must_sit_in_an_existing_college(alpha, alpha_client):
    with alpha.context(), pytest.raises(ValidationError, match="siège dans un collège"):
        mandate(role="director").full_clean()
    login(alpha_client, alpha)
    response = alpha_client.post(
        "/admin/content/mandate/create/",
        {
            "full_name": "Dr E",
            "profession": "general_practitioner",
            "organisation": "",
            "role": "director",
            "college": "9999",
            "start": "2024-06-01",
            "end": "",
        },
    )
    assert response.status_code == 200
    assert "Sélectionnez un choix valide" in response.content.decode()


def test_governance_api_shows_board_colleges_and_history(alpha, alpha_client):
    with alpha.context():
        college = College.objects.create(name="Médecins libéraux")
        mandate(
            end=datetime.date(2023, 12, 31), start=datetime.date(2020, 1, 1), full_name="Dr Ancien"
        ).save()
        mandate().save()
        mandate(full_name="Dr Admin", role="director", college=college).save()
    data = alpha_client.get("/api/v2/governance/").json()
    assert [m["full_name"] for m in data["board"]] == ["Dr A"]
    assert data["colleges"][0]["name"] == "Médecins libéraux"
    assert [m["full_name"] for m in data["colleges"][0]["directors"]] == ["Dr Admin"]
    assert [m["full_name"] for m in data["history"]] == ["Dr Ancien"]


@pytest.mark.parametrize("value", ["12345678901234", "1234567890123", "abcdefghijklmn"])
def test_invalid_siret_is_refused(value):
    with pytest.raises(ValidationError):
        validate_siret(value)


def test_valid_siret_passes():
    validate_siret("73282932000074")


def test_negative_or_non_numeric_or_impossible_indicator_values_are_refused(alpha, alpha_client):
    with alpha.context():
        rate = MissionIndicator.objects.create(mission="prevention", name="Taux de dépistage", unit="percent")
        with pytest.raises(ValidationError):
            IndicatorValue(indicator=rate, year=2025, value=-1).full_clean()
        with pytest.raises(ValidationError, match="pourcentage"):
            IndicatorValue(indicator=rate, year=2025, value=140).full_clean()
    login(alpha_client, alpha)
    response = alpha_client.post(
        "/admin/content/missionindicator/create/",
        {
            "mission": "prevention",
            "name": "Personnes sensibilisées",
            "description": "",
            "unit": "count",
            "target": "beaucoup",
        },
    )
    assert response.status_code == 200
    assert "Saisissez un nombre" in response.content.decode()
    with alpha.context():
        assert MissionIndicator.objects.count() == 1
