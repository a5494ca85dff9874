"""The demo's ACI years: 2024 and 2025 for each CPTS, fictitious values marked so.

Called inside the CPTS's schema, like ``demo_team_load``; idempotent (a year already
opened is left as it is). Only a CPTS whose contract is signed has years: the demo's
Strasbourg (health project validated) and Lunéville (letter of intent) stay without,
since signing them here would change the stages the coverage demo shows. 2024 is
transmitted and validated,
2025 stays a draft: Metz's 2025 report is downloadable from the admin
(« Contrat ACI › Exercices et rapports ») and from ``/api/v2/aci/years/2025/report.pdf``.
"""

from __future__ import annotations

from decimal import Decimal

from aci.models import AciContract, AciIndicatorYear, AciYear, Source
from aci.services import aci_report_transmit, aci_report_validate, aci_year_open
from content.models import MissionIndicator
from tenants.models import CPTS

# mission, name (fictif), unit, target, weight, source, value 2024, value 2025
INDICATORS = [
    (
        "access_to_care",
        "Patients sans médecin traitant orientés (fictif)",
        "count",
        200,
        60,
        Source.TYPED,
        90,
        150,
    ),
    (
        "access_to_care",
        "Demi-journées de soins non programmés (fictif)",
        "count",
        30,
        40,
        Source.TYPED,
        12,
        26,
    ),
    ("care_pathways", "Parcours pluriprofessionnels formalisés (fictif)", "count", 5, 70, Source.TYPED, 2, 4),
    (
        "care_pathways",
        "Professions représentées parmi les adhérents",
        "count",
        8,
        30,
        Source.PROFESSIONS,
        None,
        None,
    ),
    ("prevention", "Actions de prévention menées (fictif)", "count", 6, 100, Source.TYPED, 3, 5),
]


def demo_aci_load(*, short_name: str) -> None:
    cpts = CPTS.objects.get(short_name=short_name)
    if cpts.aci_signed_on is None or cpts.aci_signed_on.year > 2024:
        return
    if not AciContract.objects.exists():
        AciContract.objects.create(publish_summary=True)
    for mission, name, unit, target, *_ in INDICATORS:
        MissionIndicator.objects.get_or_create(
            mission=mission,
            name=name,
            defaults={"unit": unit, "target": Decimal(target), "description": "Indicateur de démonstration."},
        )
    for year in (2024, 2025):
        if AciYear.objects.filter(year=year).exists():
            continue
        aci_year = aci_year_open(cpts=cpts, year=year)
        for _mission, name, _unit, target, weight, source, v2024, v2025 in INDICATORS:
            row = AciIndicatorYear.objects.filter(aci_year=aci_year, indicator__name=name).first()
            if row is None:
                continue
            value = v2024 if year == 2024 else v2025
            row.target, row.weight, row.source = Decimal(target), Decimal(weight), source
            row.value = Decimal(value) if value is not None else row.value
            row.full_clean()
            row.save()
        # Other indicators of the site (not the demo's): no weight, so the demo's weights make 100 %.
        AciIndicatorYear.objects.filter(aci_year=aci_year).exclude(
            indicator__name__in=[i[1] for i in INDICATORS]
        ).update(weight=0)
        if year == 2024:
            aci_report_transmit(cpts=cpts, aci_year=aci_year, by="coordination (démonstration)")
            aci_report_validate(
                cpts=cpts,
                aci_year=aci_year,
                by="bureau (démonstration)",
                reference="Dialogue de gestion fictif du 14 mars 2025",
            )
        else:
            from aci.copy import aci_year_publish

            aci_year_publish(aci_year=aci_year, cpts=cpts)
