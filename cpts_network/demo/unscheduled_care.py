"""The demo's « Soins non programmés » page at a CPTS: three fictitious places in its territory.

Names, addresses and telephone numbers are invented and marked « (fictif) »;
the hours are those such places commonly keep (a maison médicale de garde on
evenings, weekends and public holidays, the hours of the permanence des soins).
Each place stands a little off its commune's point, inside the commune.
"""

from __future__ import annotations

from content.models import HomePage, TerritoryCommune
from network.commune_maps import commune_point
from network.models import Commune
from tenants.selectors import active_cpts
from unscheduled_care.models import UnscheduledCarePage
from unscheduled_care.services import unscheduled_care_page_publish

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday"]
# (commune candidates in order, name, kind, street, hours, access, phone, step-free)
PLACES = [
    (
        ["57463"],
        "Maison médicale de garde du centre (fictif)",
        "mmg",
        "1 rue de l'Exemple",
        [
            {"days": WEEKDAYS, "opens": "20:00", "closes": "00:00"},
            {"days": ["saturday"], "opens": "12:00", "closes": "00:00"},
            {"days": ["sunday", "holidays"], "opens": "08:00", "closes": "00:00"},
        ],
        ["call_116117", "call_15"],
        "",
        True,
    ),
    (
        ["57480", "57751", "57463"],
        "Centre de soins non programmés de démonstration (fictif)",
        "centre",
        "10 avenue de la Démonstration",
        [
            {"days": [*WEEKDAYS, "saturday"], "opens": "08:30", "closes": "20:00"},
            {"days": ["sunday"], "opens": "09:00", "closes": "13:00"},
        ],
        ["walk_in"],
        "03 87 00 00 01",
        True,
    ),
    (
        ["57751", "57447", "57480"],
        "Cabinet médical participant au SAS (fictif)",
        "sas_practice",
        "5 place du Modèle",
        [{"days": WEEKDAYS, "opens": "18:00", "closes": "20:00"}],
        ["call_15", "appointment"],
        "03 87 00 00 02",
        False,
    ),
]


def demo_unscheduled_care_load() -> None:
    """The page under the home page of the CPTS whose schema is active, once (idempotent)."""
    if UnscheduledCarePage.objects.exists():
        return
    territory = set(TerritoryCommune.objects.values_list("commune_id", flat=True))
    places = []
    for index, (candidates, name, kind, street, hours, access, phone, step_free) in enumerate(PLACES):
        code = next((c for c in candidates if c in territory), None) or min(territory, default=None)
        point = commune_point(code) if code else None
        if point is None:
            continue
        commune = Commune.objects.get(code=code)
        places.append(
            {
                "name": name,
                "kind": kind,
                "street_address": street,
                "postal_code": commune.postal_codes[0],
                "commune": code,
                # Off the commune's point by a few hundred metres, each its own way: marks apart.
                "latitude": round(point[1] + 0.002 * (index - 1), 6),
                "longitude": round(point[0] + 0.003 * (index - 1), 6),
                "hours": hours,
                "hours_exceptions": "Fermé le 25 décembre (exemple fictif)." if kind == "mmg" else "",
                "phone": phone,
                "access": access,
                "step_free": step_free,
            }
        )
    cpts = active_cpts()
    unscheduled_care_page_publish(
        parent=HomePage.objects.get(),
        title="Soins non programmés",
        slug="soins-non-programmes",
        introduction="<p>Votre médecin est fermé et ce n'est pas une urgence vitale ? Voici où consulter sur "
        f"le territoire (lieux fictifs du site de démonstration {cpts.of_name}).</p>",
        places=places,
    )
