"""The test network's CPTS counted by the default coverage definition (ACI signed).

Tests of the coverage mechanics (claims, units, overlaps) are about territories,
not stages: they put alpha and beta at « ACI signé », the stage the default
definition counts (network.coverage.DEFAULT_DEFINITION), inside the test's
transaction.
"""

import pytest

from network.coverage import coverage_sync
from tenants.models import CPTS, Stage


def stage_set(*short_names: str, stage: str) -> None:
    """Put CPTS at ``stage`` as a raw row update, then bring their counters in line."""
    CPTS.objects.filter(short_name__in=short_names).update(stage=stage)
    for pk in CPTS.objects.filter(short_name__in=short_names).values_list("pk", flat=True):
        coverage_sync(cpts_id=pk)


@pytest.fixture
def aci_signed(network, db) -> None:
    stage_set("alpha", "beta", stage=Stage.ACI_SIGNED)
