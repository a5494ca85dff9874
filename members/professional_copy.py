"""The public copy of a CPTS's directory (``network.PublicProfessional``): what its page shows, no more.

Rewritten for one member in the transaction that changes them (consent, its
withdrawal, the member's own entry, the board's correction, erasure), so the
federation's « Trouver un professionnel » never lists someone a moment after
they left; rebuilt, withdrawn and checked with the other public copies.
"""

from __future__ import annotations

from network.professionals import PublicProfessional
from tenants.models import CPTS
from tenants.selectors import current_cpts

from .models.records import Membership
from .selectors import directory_members


def _public_contact(contact: str) -> str:
    # The CPTS's page may show an address the member chose; the network's copy never holds one.
    return "" if "@" in contact else contact


COPIED_FIELDS = (
    "name",
    "kind",
    "profession",
    "structure",
    "commune_id",
    "contact",
    "accepts_new_patients",
    "new_patients_confirmed_on",
    "languages",
    "step_free_access",
)


def _entry(member: Membership) -> dict:
    """The fields of the copy, from a member who consented: the directory page's, minus any e-mail."""
    return {
        "name": member.name,
        "kind": member.kind,
        "profession": member.profession,
        "structure": member.structure,
        "commune_id": member.commune_id,
        "contact": _public_contact(member.directory_contact),
        "accepts_new_patients": member.accepts_new_patients,
        "new_patients_confirmed_on": member.new_patients_confirmed_on,
        "languages": sorted(member.languages),
        "step_free_access": member.step_free_access,
    }


def professional_copy_refresh(membership: Membership) -> None:
    """One member's row rewritten from their record: listed if they are in the directory, gone otherwise."""
    cpts = current_cpts()
    if cpts is None:  # the template schema, or a site without a CPTS row: no network to tell
        return
    member = Membership.objects.filter(pk=membership.pk).first()
    if member is None or not member.in_directory:
        PublicProfessional.objects.filter(cpts=cpts, member_id=membership.pk).delete()
        return
    PublicProfessional.objects.update_or_create(cpts=cpts, member_id=member.pk, defaults=_entry(member))


def professionals_publish(cpts: CPTS | None = None) -> None:
    """Rewrite the whole copy of ``cpts`` (the current CPTS by default) from its member records."""
    cpts = cpts or current_cpts()
    if cpts is None:
        return
    PublicProfessional.objects.filter(cpts=cpts).delete()
    PublicProfessional.objects.bulk_create(
        PublicProfessional(cpts=cpts, member_id=member.pk, **_entry(member)) for member in directory_members()
    )


def professionals_withdraw(cpts: CPTS) -> None:
    PublicProfessional.objects.filter(cpts=cpts).delete()


def professionals_drift(cpts: CPTS) -> list[str]:
    live = {member.pk: _entry(member) for member in directory_members()}
    fields = list(COPIED_FIELDS)
    copied = {
        row["member_id"]: {name: row[name] for name in fields}
        for row in PublicProfessional.objects.filter(cpts=cpts).values("member_id", *fields)
    }
    problems = []
    if missing := sorted(set(live) - set(copied)):
        problems.append(f"annuaire : {len(missing)} adhérent(s) absent(s) de la copie du réseau")
    if extra := sorted(set(copied) - set(live)):
        problems.append(f"annuaire : {len(extra)} fiche(s) dans la copie du réseau sans consentement ici")
    if outdated := [pk for pk in set(live) & set(copied) if live[pk] != copied[pk]]:
        problems.append(f"annuaire : {len(outdated)} fiche(s) différente(s) dans la copie du réseau")
    return problems
