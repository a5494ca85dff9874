"""The demo's members: a few accepted (fictitious, marked as such) and one application waiting.

Run in a CPTS's schema. The RPPS numbers are invented (valid key, no real
professional), the names say « (fictif) », and every member practises in a
commune of the CPTS's territory.
"""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from wagtail.models import PageViewRestriction

from content.models import HomePage, TerritoryCommune
from content.services import page_publish, standard_page_publish
from members.accounts import members_group
from members.counts import member_counts_publish
from members.identifiers import luhn_valid
from members.models import AdhesionPage, DirectoryPage, Membership, MembershipDecision

PEOPLE = [
    ("Camille Exemple (fictif)", "general_practitioner", True),
    ("Dominique Exemple (fictive)", "nurse", True),
    ("Claude Exemple (fictif)", "physiotherapist", False),
    ("Alix Exemple (fictive)", "pharmacist", True),
]
WAITING = ("Sacha Exemple (fictif)", "midwife")


def _rpps(n: int) -> str:
    digits = f"1999{n:06d}"
    return next(digits + str(key) for key in range(10) if luhn_valid(digits + str(key)))


@transaction.atomic
def demo_members_load(*, short_name: str) -> int:
    """The « Adhérer », « Annuaire » and members-only pages, four members and one application.

    Returns how many members were accepted.
    """
    home = HomePage.objects.get()
    page_publish(
        parent=home,
        page=AdhesionPage(
            title="Adhérer",
            show_in_menus=True,
            introduction="<p>Exemple de formulaire d'adhésion (site de démonstration).</p>",
            statutes_version="statuts d'exemple (démonstration)",
            fee_amount=20,
            board_email=f"bureau@{short_name}.demo.cpts.test",
        ),
    )
    page_publish(parent=home, page=DirectoryPage(title="Annuaire des adhérents", show_in_menus=True))
    area = standard_page_publish(
        parent=home,
        title="Espace adhérents",
        body="<p>Exemple de page réservée aux adhérents (site de démonstration) : comptes rendus du "
        "bureau, protocoles pluriprofessionnels, statuts.</p>",
    )
    restriction = PageViewRestriction.objects.create(page=area, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.set([members_group()])
    communes = list(TerritoryCommune.objects.order_by("commune_id").values_list("commune_id", flat=True)[:5])
    today = timezone.localdate()
    for n, (name, profession, consent) in enumerate(PEOPLE):
        member = Membership.objects.create(
            kind=Membership.Kind.PROFESSIONAL,
            status=Membership.Status.ACCEPTED,
            name=name,
            profession=profession,
            rpps=_rpps(n),
            address="Adresse d'exemple",
            commune_id=communes[n % len(communes)],
            email=f"adherent{n}@{short_name}.demo.cpts.test",
            directory_consent=consent,
            directory_contact="03 00 00 00 00 (exemple)" if consent else "",
            statutes_version="statuts d'exemple (démonstration)",
            fee_year=today.year,
            member_since=today,
        )
        MembershipDecision.objects.create(membership=member, decision=MembershipDecision.Decision.ACCEPT)
    Membership.objects.create(
        kind=Membership.Kind.PROFESSIONAL,
        name=WAITING[0],
        profession=WAITING[1],
        rpps=_rpps(len(PEOPLE)),
        address="Adresse d'exemple",
        commune_id=communes[0],
        email=f"candidature@{short_name}.demo.cpts.test",
        directory_consent=True,
        statutes_version="statuts d'exemple (démonstration)",
    )
    member_counts_publish()
    return len(PEOPLE)
