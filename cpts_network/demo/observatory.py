"""The demo's observatory: each demo CPTS maps three of its (fictitious) ACI indicators onto the
national catalogue and opens or shares their values, through the same service as its admin.

Called inside the CPTS's schema after ``demo_aci_load`` (whose values are fictitious and
marked so); idempotent (the choices are rewritten, not added). Three CPTS in three
departments of Grand Est: the region's figures show, each department's are hidden by the
small-number rule (fewer than 3 CPTS) with the reason; Lunéville says its pathways rest on
8 professionals, so that value is never shown alone.
"""

from __future__ import annotations

from aci.models import AciIndicatorYear, AciYear
from aci.sharing import indicator_sharing_update
from network.observatory import Audience, IndicatorDefinition
from tenants.models import CPTS

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
