"""A region of visibly fictitious CPTS around the demo's own, from the network generator's idea.

With three demo CPTS the federation's dashboard shows France 1 % covered and a
region of white. ``demo_region_fill`` lays runs of neighbouring communes
(ordered by postal code within each department, which follows geography
closely enough) into CPTS named « CPTS fictive … », through the same services
as any CPTS, and leaves one run in four uncovered so that zones blanches stay.
Deterministic for a seed; a region that already has fictitious CPTS is left
as it is.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from django.db import connection
from django_tenants.utils import schema_context

from content.services.territory import territory_add_communes
from network.models import Commune, Department
from tenants.models import CPTS, Stage
from tenants.services import cpts_create, cpts_update

PREFIX = "fictive"
NOTICE = (
    "Site de démonstration : CPTS fictive, créée par le générateur du réseau de démonstration. "
    "Son nom et son territoire sont inventés ; communes et populations viennent du découpage "
    "administratif 2026 (populations légales 2023)."
)
STAGES = [Stage.IDEA, Stage.LETTER_OF_INTENT, Stage.HEALTH_PROJECT_VALIDATED] + [Stage.ACI_SIGNED] * 5
# One backend creating many schemas keeps a catalog entry for each: recycle it.
RECYCLE_EVERY = 25


def _runs(codes: list[str], rng: random.Random, size: int) -> list[list[str]]:
    runs, start = [], 0
    while start < len(codes):
        length = max(5, int(rng.gauss(size, size / 3)))
        runs.append(codes[start : start + length])
        start += length
    return runs


def stage_milestones(stage: str, rng: random.Random) -> dict:
    """Past dates for the milestones a stage implies (a signed ACI has its signature date)."""
    day = date(2019, 9, 1) + timedelta(days=rng.randrange(6 * 365))
    dates = {}
    if stage != Stage.IDEA:
        dates["letter_of_intent_on"] = day
    if stage in (Stage.HEALTH_PROJECT_VALIDATED, Stage.ACI_SIGNED):
        dates["health_project_validated_on"] = day + timedelta(days=200)
    if stage == Stage.ACI_SIGNED:
        dates["aci_signed_on"] = day + timedelta(days=400)
    return {key: min(value, date.today()) for key, value in dates.items()}


def demo_region_fill(*, region_code: str, seed: int = 2026, size: int = 40) -> list[CPTS]:
    """Create the region's fictitious CPTS over communes no CPTS covers yet; returns them."""
    if CPTS.objects.filter(short_name__startswith=f"{PREFIX}-", region_code=region_code).exists():
        return []
    rng = random.Random(seed)  # noqa: S311 - a reproducible demo, not a secret
    created = []
    for department in Department.objects.filter(region_id=region_code).order_by("code"):
        codes = list(
            Commune.objects.filter(department=department, is_current=True, is_unit=True, cover_count=0)
            .order_by("postal_codes", "code")
            .values_list("code", flat=True)
        )
        for number, run in enumerate(_runs(codes, rng, size), start=1):
            if number % 4 == 0:
                continue  # a zone blanche
            stage = rng.choice(STAGES)
            short_name = f"{PREFIX}-{department.code.lower()}-{number:02d}"
            cpts = cpts_create(
                name=f"CPTS fictive {department.name} {number:02d}",
                short_name=short_name,
                region_code=region_code,
                department_code=department.code,
                coordinator_email=f"coordination@{short_name}.demo.cpts.test",
                stage=stage,
                **stage_milestones(stage, rng),
            ).cpts
            cpts_update(cpts=cpts, demo_notice=NOTICE)
            with schema_context(cpts.schema_name):
                territory_add_communes(cpts=cpts, codes=run)
            created.append(cpts)
            if len(created) % RECYCLE_EVERY == 0:
                connection.close()
    return created
