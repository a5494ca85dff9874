"""What the federation admin's home shows at a glance: CPTS by stage, the week's changes, coverage.

Read in the public schema, in a constant number of queries: the stages and the
coverage come from ``coverage_national`` (reference data and claims), the
changes from the network's journal.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from django.utils import timezone

from tenants.audit import audit_entries
from tenants.models import Stage

from .coverage import CoverageFigures, coverage_national

RECENT_CHANGES = 8


@dataclass(frozen=True)
class FederationHome:
    stages: list[tuple[str, int]]  # (French label, number of CPTS), in the order of the stages
    coverage: CoverageFigures
    changes: list  # the week's latest journal entries
    changes_count: int


def federation_home() -> FederationHome:
    national = coverage_national()
    week = audit_entries(since=(timezone.now() - timedelta(days=7)).date()).order_by("-at", "-id")
    return FederationHome(
        stages=[(Stage(value).label, count) for value, count in national.cpts_by_stage.items()],
        coverage=national.totals,
        changes=list(week[:RECENT_CHANGES]),
        changes_count=week.count(),
    )
