"""The federation's view of the ACI years: a public copy written with each change, read in one query."""

import pytest
from django.db import connection

from aci.models import AciYear
from aci.services import aci_report_transmit
from network.aci_years import AciYearCopy
from tenants.public_copies import public_copies_drift, public_copies_rebuild, public_copies_withdraw

pytestmark = pytest.mark.django_db


def test_the_network_sees_status_for_all_and_amounts_only_where_published_or_to_its_staff(
    year_2025, federation_client
):
    from tests.aci.test_api import _publish

    rows = federation_client.get("/api/network/aci/?year=2025").json()
    (row,) = [r for r in rows if r["cpts"] == year_2025.cpts.short_name]
    assert row["status"] == "draft" and row["maximum"] is not None and row["earned"] is None
    _publish(year_2025, True)
    (row,) = [r for r in federation_client.get("/api/network/aci/").json() if r["cpts"] == "alpha"]
    assert row["earned"] is not None and row["published"] is True
    assert federation_client.get("/api/network/aci/?year=abc").status_code == 400


def test_staff_of_the_federation_see_every_amount(year_2025, federation_staff_client):
    (row,) = [r for r in federation_staff_client.get("/api/network/aci/").json() if r["cpts"] == "alpha"]
    assert row["earned"] is not None and row["published"] is False


def test_the_copy_follows_the_report_in_the_same_transaction_and_is_rebuilt_withdrawn_checked(year_2025):
    with year_2025.context():
        aci_year = AciYear.objects.get(year=2025)
        aci_report_transmit(cpts=year_2025.cpts, aci_year=aci_year, by="coord")
    connection.set_schema_to_public()
    copy = AciYearCopy.objects.get(cpts=year_2025.cpts, year=2025)
    assert copy.status == "transmitted"
    assert public_copies_drift(year_2025.cpts) == {}
    AciYearCopy.objects.filter(pk=copy.pk).update(earned=1)
    assert "aci years" in public_copies_drift(year_2025.cpts)
    public_copies_rebuild(year_2025.cpts)
    assert AciYearCopy.objects.get(cpts=year_2025.cpts, year=2025).earned == copy.earned
    public_copies_withdraw(year_2025.cpts)
    assert not AciYearCopy.objects.filter(cpts=year_2025.cpts).exists()
