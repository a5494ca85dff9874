"""« Trouver ma CPTS »: territories given through the CPTS's own service, as a coordinator does."""

import pytest
from django.db import connection

from content.services import territory_add_communes

METZ, MONTIGNY, LE_BAN, NANCY = "57463", "57480", "57049", "54395"


def territory(tenant, *codes: str) -> None:
    """Add communes to a territory in its schema; the public copy (coverage) follows in the same call."""
    with tenant.context():
        territory_add_communes(cpts=tenant.cpts, codes=list(codes))
    connection.set_schema_to_public()


@pytest.fixture
def metz_area(alpha):
    territory(alpha, METZ, MONTIGNY)
    return alpha
