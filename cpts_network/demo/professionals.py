"""The demo's « Trouver un professionnel »: more consenting members, and what they declare.

Run in a CPTS's schema, after ``demo_members_load`` (cpts_network.demo.members):
the names say « (fictif) », the RPPS numbers are invented, every member
practises in a commune of the CPTS's territory. One member's new-patients
answer was confirmed longer ago than the limit, so the site does not show it.
"""

from __future__ import annotations

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from content.models import TerritoryCommune
from members.counts import member_counts_publish
from members.identifiers import luhn_valid
from members.models import Membership, MembershipDecision
from members.professional_copy import professionals_publish
from network.professionals import new_patients_days

# name, profession, accepts new patients (None: not said), confirmed days ago, languages, step-free
MORE = [
    ("Morgane Exemple (fictive)", "midwife", True, 3, ["de", "en"], True),
    ("Yanis Exemple (fictif)", "dentist", False, 20, ["ar"], False),
    ("Noa Exemple (fictive)", "speech_therapist", True, None, ["lb", "de"], None),
]
# What the members of demo_members_load declare, by their name.
DECLARED = {
    "Camille Exemple (fictif)": (True, 10, ["en"], True),
    "Dominique Exemple (fictive)": (False, 30, [], None),
    "Alix Exemple (fictive)": (None, None, ["it", "pt"], True),
}


def _rpps(n: int) -> str:
    digits = f"1998{n:06d}"
    return next(digits + str(key) for key in range(10) if luhn_valid(digits + str(key)))


@transaction.atomic
def demo_professionals_load(*, short_name: str) -> None:
    """At least five consenting demo professionals, the new-patients flag on some; idempotent."""
    communes = list(TerritoryCommune.objects.order_by("commune_id").values_list("commune_id", flat=True))
    if not communes:
        return
    today = timezone.localdate()
    # The « (stale) » member: confirmed one day past the limit, so the flag is not shown.
    stale = new_patients_days() + 1
    for n, (name, profession, accepts, days_ago, languages, step_free) in enumerate(MORE):
        member, created = Membership.objects.get_or_create(
            email=f"annuaire{n}@{short_name}.demo.cpts.test",
            defaults={
                "kind": Membership.Kind.PROFESSIONAL,
                "status": Membership.Status.ACCEPTED,
                "name": name,
                "profession": profession,
                "rpps": _rpps(n),
                "address": "Adresse d'exemple",
                "commune_id": communes[(n + 1) % len(communes)],
                "directory_consent": True,
                "directory_contact": "03 00 00 00 00 (exemple)",
                "statutes_version": "statuts d'exemple (démonstration)",
                "fee_year": today.year,
                "member_since": today,
            },
        )
        if created:
            MembershipDecision.objects.create(membership=member, decision=MembershipDecision.Decision.ACCEPT)
        days_ago = stale if days_ago is None else days_ago
        _declare(member, accepts, today - timedelta(days=days_ago), languages, step_free)
    for name, (accepts, days_ago, languages, step_free) in DECLARED.items():
        for member in Membership.objects.filter(name=name, directory_consent=True):
            confirmed = today - timedelta(days=days_ago) if days_ago is not None else None
            _declare(member, accepts, confirmed, languages, step_free)
    member_counts_publish()
    professionals_publish()


def _declare(member: Membership, accepts, confirmed_on, languages: list[str], step_free) -> None:
    member.accepts_new_patients = accepts
    member.new_patients_confirmed_on = confirmed_on if accepts is not None else None
    member.languages = languages
    member.step_free_access = step_free
    member.save(
        update_fields=["accepts_new_patients", "new_patients_confirmed_on", "languages", "step_free_access"]
    )
