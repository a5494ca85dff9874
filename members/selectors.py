"""Reads on a CPTS's members (its own schema)."""

from __future__ import annotations

from django.db.models import Count, QuerySet

from content.models import TerritoryCommune
from content.selectors import territory_map
from network.maps import Band
from network.models import Commune
from tenants.selectors import current_cpts
from tenants.vocabulary import Profession

from .models.records import Membership

LISTED = Band(-1, 0, "commune d'un adhérent de la liste", "com-candidate")


def member_counts_by_profession() -> dict[str, int]:
    """Accepted members by profession (structures under « other »), for the counts shown everywhere."""
    rows = (
        Membership.objects.filter(status=Membership.Status.ACCEPTED)
        .values("profession")
        .annotate(n=Count("id"))
    )
    return {row["profession"] or "other": row["n"] for row in rows}


def directory_members(*, profession: str | None = None, commune: str | None = None) -> QuerySet[Membership]:
    """Members who consented to the directory: nobody else is ever listed."""
    members = Membership.objects.filter(
        status=Membership.Status.ACCEPTED, directory_consent=True
    ).select_related("commune")
    if profession:
        members = members.filter(profession=profession)
    if commune:
        members = members.filter(commune_id=commune)
    return members.order_by("name")


def applications_waiting() -> QuerySet[Membership]:
    return Membership.objects.filter(status__in=[Membership.Status.PENDING, Membership.Status.MORE_ASKED])


def directory_context(query) -> dict:
    """The directory page's list and filters; an unknown filter value lists nobody rather than failing."""
    profession = query.get("profession") or None
    commune = query.get("commune") or None
    members = list(directory_members(profession=profession, commune=commune))
    communes = Commune.objects.filter(
        code__in=TerritoryCommune.objects.values_list("commune_id", flat=True)
    ).order_by("search_name")
    cpts = current_cpts()
    return {
        "members": members,
        # Where the members listed practise, on the territory's map.
        "map": territory_map(
            cpts=cpts,
            marked={m.commune_id for m in members},
            marked_as=LISTED,
            title="Où exercent les adhérents de la liste",
        )
        if cpts and members
        else None,
        "professions": Profession.choices,
        "communes": communes,
        "selected": {"profession": profession or "", "commune": commune or ""},
    }
