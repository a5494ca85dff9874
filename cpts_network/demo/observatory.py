"""The demo's observatory: each demo CPTS maps three of its (fictitious) ACI indicators onto the
national catalogue and opens or shares their values, through the same service as its admin; so do
the region's fictitious CPTS whose contract is signed, for 2025, with invented values.

Called inside the CPTS's schema after ``demo_aci_load`` (whose values are fictitious and
marked so); idempotent (the choices are rewritten, not added). Three CPTS in three
departments of Grand Est: the region's figures show, each department's are hidden by the
small-number rule (fewer than 3 CPTS) with the reason; Lunéville says its pathways rest on
8 professionals, so that value is never shown alone.
"""

from __future__ import annotations

import random
from decimal import Decimal

from django_tenants.utils import schema_context

from aci.models import AciIndicatorYear, AciYear
from aci.services import aci_year_open
from aci.sharing import indicator_sharing_update
from content.models import MissionIndicator
from network.observatory import Audience, IndicatorDefinition
from tenants.models import CPTS, Stage

# Demo indicator (demo_aci_load) → catalogue code.
MAPPED = {
    "Patients sans médecin traitant orientés (fictif)": "patients-mt-trouves",
    "Parcours pluriprofessionnels formalisés (fictif)": "protocoles-en-vigueur",
    "Actions de prévention menées (fictif)": "actions-prevention",
}
# What each demo CPTS does differently: who sees its prevention actions, the base of its pathways.
PREVENTION_AUDIENCE = {"luneville": Audience.FEDERATION}
PATHWAY_PROFESSIONALS = {"luneville": 8, "metz": 24, "strasbourg": 15}


def demo_observatory_load(*, short_name: str) -> None:
    cpts = CPTS.objects.get(short_name=short_name)
    catalogue = {d.code: d for d in IndicatorDefinition.objects.filter(code__in=MAPPED.values())}
    for aci_year in AciYear.objects.order_by("year"):
        choices = []
        for row in AciIndicatorYear.objects.filter(aci_year=aci_year).select_related("indicator"):
            code = MAPPED.get(row.indicator.name)
            audience = Audience.PRIVATE
            if code == "actions-prevention":
                audience = PREVENTION_AUDIENCE.get(short_name, Audience.OPEN)
            elif code:
                audience = Audience.OPEN
            professionals = PATHWAY_PROFESSIONALS.get(short_name) if code == "protocoles-en-vigueur" else None
            choices.append((row, catalogue.get(code) if code else None, audience, professionals))
        indicator_sharing_update(cpts=cpts, aci_year=aci_year, choices=choices)


# The region's fictitious CPTS: mission of each mapped indicator, and a range of invented values.
REGION_INDICATORS = {
    "Patients sans médecin traitant orientés (fictif)": ("access_to_care", 40, 400),
    "Parcours pluriprofessionnels formalisés (fictif)": ("care_pathways", 1, 9),
    "Actions de prévention menées (fictif)": ("prevention", 2, 14),
}


def demo_observatory_region_load(*, cpts_list: list[CPTS], year: int = 2025, seed: int = 2026) -> int:
    """2025 values for the fictitious CPTS with a signed contract, mostly opened; how many shared.

    Each opens its year through ``aci_year_open`` and shares through the admin's service; one in
    five keeps its prevention actions for the federation, and pathways rest on 4 to 40
    professionals (under 11, the value is never shown alone).
    """
    rng = random.Random(seed)  # noqa: S311 - a reproducible demo, not a secret
    catalogue = {d.code: d for d in IndicatorDefinition.objects.filter(code__in=MAPPED.values())}
    shared = 0
    for cpts in cpts_list:
        if cpts.stage != Stage.ACI_SIGNED or cpts.aci_signed_on is None or cpts.aci_signed_on.year > year:
            continue
        with schema_context(cpts.schema_name):
            if AciYear.objects.filter(year=year).exists():
                continue
            for name, (mission, _low, _high) in REGION_INDICATORS.items():
                MissionIndicator.objects.get_or_create(
                    mission=mission, name=name, defaults={"description": "Indicateur de démonstration."}
                )
            aci_year = aci_year_open(cpts=cpts, year=year)
            choices = []
            for row in AciIndicatorYear.objects.filter(aci_year=aci_year).select_related("indicator"):
                if row.indicator.name not in REGION_INDICATORS:
                    continue
                _mission, low, high = REGION_INDICATORS[row.indicator.name]
                row.value = Decimal(rng.randint(low, high))
                row.save(update_fields=["value"])
                code = MAPPED[row.indicator.name]
                audience = (
                    Audience.FEDERATION
                    if code == "actions-prevention" and rng.random() < 0.2
                    else Audience.OPEN
                )
                professionals = rng.randint(4, 40) if code == "protocoles-en-vigueur" else None
                choices.append((row, catalogue[code], audience, professionals))
            indicator_sharing_update(cpts=cpts, aci_year=aci_year, choices=choices)
            shared += 1
    return shared
