"""Reads on a CPTS's members (its own schema)."""

from __future__ import annotations

from datetime import date, timedelta

from django.db.models import Count, F, QuerySet
from django.utils import timezone

from content.models import TerritoryCommune
from content.selectors import territory_map
from network.maps import Band
from network.models import Commune
from network.professionals import (
    Language,
    new_patients_days,
    new_patients_fresh_since,
    new_patients_reminder_days,
)
from tenants.selectors import current_cpts
from tenants.vocabulary import Profession

from .models.records import Membership

LISTED = Band(-1, 0, "commune d'un professionnel de la liste", "com-candidate")


def member_counts_by_profession() -> dict[str, int]:
    """Accepted members by profession (structures under « other »), for the counts shown everywhere."""
    rows = (
        Membership.objects.filter(status=Membership.Status.ACCEPTED)
        .values("profession")
        .annotate(n=Count("id"))
    )
    return {row["profession"] or "other": row["n"] for row in rows}


def directory_members(
    *,
    profession: str | None = None,
    commune: str | None = None,
    new_patients: bool = False,
    language: str | None = None,
    step_free: bool = False,
) -> QuerySet[Membership]:
    """Members who consented to the directory: nobody else is ever listed.

    ``new_patients`` keeps those whose « oui » was confirmed within
    ``CPTS_NEW_PATIENTS_DAYS``: a stale answer is neither shown nor searched.
    """
    members = Membership.objects.filter(
        status=Membership.Status.ACCEPTED, directory_consent=True
    ).select_related("commune")
    if profession:
        members = members.filter(profession=profession)
    if commune:
        members = members.filter(commune_id=commune)
    if new_patients:
        members = members.filter(
            accepts_new_patients=True, new_patients_confirmed_on__gte=new_patients_fresh_since()
        )
    if language:
        members = members.filter(languages__contains=[language])
    if step_free:
        members = members.filter(step_free_access=True)
    return members.order_by("name")


def new_patients_reminders_due(today: date | None = None) -> QuerySet[Membership]:
    """Members in the directory whose new-patients answer goes stale within the reminder's days,
    and who were not yet reminded for this confirmation (one reminder per period)."""
    today = today or timezone.localdate()
    due_before = today - timedelta(days=new_patients_days() - new_patients_reminder_days())
    return (
        Membership.objects.filter(
            status=Membership.Status.ACCEPTED,
            directory_consent=True,
            accepts_new_patients__isnull=False,
            new_patients_confirmed_on__lte=due_before,
        )
        .exclude(new_patients_reminded_for=F("new_patients_confirmed_on"))
        .exclude(email="")
        .order_by("pk")
    )


def professionals_count_label(count: int) -> str:
    """« 0 professionnel trouvé », « 1 … », « 2 professionnels trouvés »: French keeps 0 singular."""
    plural = "s" if count > 1 else ""
    return f"{count} professionnel{plural} trouvé{plural}"


def applications_waiting() -> QuerySet[Membership]:
    return Membership.objects.filter(status__in=[Membership.Status.PENDING, Membership.Status.MORE_ASKED])


def _flag(query, name: str) -> bool:
    return query.get(name) in ("1", "true", "on")


def directory_context(query) -> dict:
    """The directory page's list and filters; an unknown filter value lists nobody rather than failing."""
    selected = {
        "profession": query.get("profession") or "",
        "commune": query.get("commune") or "",
        "language": query.get("language") or "",
        "new_patients": _flag(query, "new_patients"),
        "step_free": _flag(query, "step_free"),
    }
    members = list(
        directory_members(
            profession=selected["profession"] or None,
            commune=selected["commune"] or None,
            new_patients=selected["new_patients"],
            language=selected["language"] or None,
            step_free=selected["step_free"],
        )
    )
    communes = Commune.objects.filter(
        code__in=TerritoryCommune.objects.values_list("commune_id", flat=True)
    ).order_by("search_name")
    cpts = current_cpts()
    return {
        "members": members,
        "count_label": professionals_count_label(len(members)),
        # Where the members listed practise, on the territory's map.
        "map": territory_map(
            cpts=cpts,
            marked={m.commune_id for m in members},
            marked_as=LISTED,
            title="Où exercent les professionnels de la liste",
        )
        if cpts and members
        else None,
        "professions": Profession.choices,
        "communes": communes,
        "languages": Language.choices,
        "new_patients_days": new_patients_days(),
        "selected": selected,
    }
