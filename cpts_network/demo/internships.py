"""The demo's offers as full details: who supervises, what is paid, « Candidater » open.

The offers come from the fixture (``demo_internships_load``); this adds the
facts the fixture predates, by discipline, and publishes a new revision so the
network's search copy follows. Idempotent: an offer that already has its
details is left alone. Values are generic (functions, legal amounts), no person.
"""

from __future__ import annotations

from django.db import transaction

from content.models import InternshipOfferPage

SUPERVISION = {
    "general_medicine": "Médecin généraliste, maître de stage universitaire (fictif)",
    "physiotherapy": "Masseur-kinésithérapeute, tuteur de stage (fictif)",
    "nursing": "Infirmière coordinatrice, tutrice de stage (fictif)",
    "pharmacy": "Pharmacien titulaire, maître de stage (fictif)",
    "midwifery": "Sage-femme libérale, tutrice de stage (fictif)",
}
COMPENSATION = {
    "intern": "Rémunération d'interne, versée par le CHU de rattachement",
    "docteur_junior": "Rémunération de docteur junior, versée par le CHU de rattachement",
}
DEFAULT_COMPENSATION = "Gratification légale des stages de plus de deux mois (démonstration)"


@transaction.atomic
def demo_offer_details_load(*, short_name: str) -> int:
    """Details on the live offers of the current CPTS (its schema active); returns how many."""
    updated = 0
    for offer in InternshipOfferPage.objects.live().filter(supervisor_role=""):
        offer.supervisor_role = SUPERVISION.get(
            offer.discipline, "Professionnel de santé, tuteur de stage (fictif)"
        )
        offer.compensation = COMPENSATION.get(offer.level, DEFAULT_COMPENSATION)
        offer.online_applications = bool(offer.apply_email)
        offer.save_revision().publish()
        updated += 1
    return updated
