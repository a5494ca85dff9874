"""« Soins non programmés »: a territory given through the CPTS's own service, and a page published
through ``unscheduled_care_page_publish``, as the demo does."""

import pytest
from django.db import connection

from content.models import HomePage
from content.services import territory_add_communes
from unscheduled_care.services import unscheduled_care_page_publish

METZ, MONTIGNY = "57463", "57480"
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday"]


def place(**changes) -> dict:
    """A maison médicale de garde at Metz, open on weekday evenings; ``changes`` override."""
    return {
        "name": "Maison médicale de garde (fictif)",
        "kind": "mmg",
        "street_address": "1 rue de l'Exemple",
        "postal_code": "57000",
        "commune": METZ,
        "latitude": 49.1193,
        "longitude": 6.1757,
        "hours": [
            {"days": WEEKDAYS, "opens": "20:00", "closes": "00:00"},
            {"days": ["sunday", "holidays"], "opens": "08:00", "closes": "00:00"},
        ],
        "hours_exceptions": "Fermé le 25 décembre.",
        "phone": "03 87 00 00 01",
        "access": ["call_116117", "walk_in"],
        "step_free": True,
        **changes,
    }


@pytest.fixture
def metz_territory(alpha):
    with alpha.context():
        territory_add_communes(cpts=alpha.cpts, codes=[METZ, MONTIGNY])
    connection.set_schema_to_public()
    return alpha


def publish(tenant, *places: dict):
    with tenant.context():
        page = unscheduled_care_page_publish(
            parent=HomePage.objects.get(), title="Soins non programmés", places=list(places)
        )
    connection.set_schema_to_public()
    return page


@pytest.fixture
def care_page(metz_territory):
    return publish(
        metz_territory,
        place(),
        place(
            name="Centre de soins non programmés (fictif)",
            kind="centre",
            commune=MONTIGNY,
            postal_code="57950",
            latitude=49.1003,
            longitude=6.1541,
            hours=[{"days": [*WEEKDAYS, "saturday"], "opens": "08:30", "closes": "20:00"}],
            phone="",
            access=["walk_in"],
        ),
    )
