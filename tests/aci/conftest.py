"""The ACI fixtures: Alpha with a signed contract, a territory, indicators and its 2025 year filled in."""

import datetime
from decimal import Decimal as D

import pytest
from django.db import connection

from aci.models import AciIndicatorYear, Source
from aci.services import aci_year_open
from content.models import MissionIndicator
from content.services import territory_add_communes
from tenants.models import CPTS

SIGNED = datetime.date(2024, 4, 22)
VALUES = {
    # name: (mission, target, weight, value)
    "Patients sans médecin traitant orientés": ("access_to_care", D(200), D(60), D(150)),
    "Plages de soins non programmés": ("access_to_care", D(30), D(40), D(30)),
    "Parcours formalisés": ("care_pathways", D(5), D(100), D(4)),
    "Actions de dépistage": ("prevention", D(6), D(100), D(3)),
}


@pytest.fixture
def signed(alpha):
    """Alpha's contract signed on 22 April 2024 (restored afterwards: the CPTS object is the session's)."""
    cpts = alpha.cpts
    before = (cpts.aci_signed_on, cpts.stage)
    CPTS.objects.filter(pk=cpts.pk).update(aci_signed_on=SIGNED, stage="aci_signed")
    cpts.aci_signed_on, cpts.stage = SIGNED, "aci_signed"
    yield alpha
    cpts.aci_signed_on, cpts.stage = before


@pytest.fixture
def year_2025(signed):
    """The 2025 year of Alpha with typed values; returns the values typed."""
    with signed.context():
        territory_add_communes(cpts=signed.cpts, codes=["57463", "57480"])
        for name, (mission, target, _, _) in VALUES.items():
            MissionIndicator.objects.create(mission=mission, name=name, target=target)
        aci_year = aci_year_open(cpts=signed.cpts, year=2025)
        for row in AciIndicatorYear.objects.filter(aci_year=aci_year).select_related("indicator"):
            _, _, weight, value = VALUES[row.indicator.name]
            row.weight, row.value, row.source = weight, value, Source.TYPED
            row.save()
        from aci.copy import aci_year_publish

        aci_year_publish(aci_year=aci_year, cpts=signed.cpts)
    connection.set_schema_to_public()
    return signed
