"""« Trouver un professionnel » across the network: reads on the public copy only, never a CPTS schema."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, QuerySet

from ..maps import Band, DepartmentMap, department_map
from ..models import Commune, Department
from ..professionals import PublicProfessional, new_patients_fresh_since

# The federation's page lists at most this many; the API pages through everything.
PAGE_LIMIT = 200
# The network's count colours, in words that agree with « professionnel ».
COUNT_BANDS = [
    Band(0, 1, "aucun", "count-0"),
    Band(1, 3, "1 ou 2", "count-1"),
    Band(3, 6, "3 à 5", "count-2"),
    Band(6, 11, "6 à 10", "count-3"),
    Band(11, None, "plus de 10", "count-4"),
]


@dataclass(frozen=True)
class ProfessionalFilters:
    profession: str = ""
    department: str = ""
    commune: str = ""
    language: str = ""
    new_patients: bool = False
    step_free: bool = False


def network_professionals(filters: ProfessionalFilters) -> QuerySet[PublicProfessional]:
    """Consenting members of every CPTS matching ``filters``, by name, with their CPTS and commune.

    « Nouveaux patients » matches only an answer confirmed within the limit
    (``CPTS_NEW_PATIENTS_DAYS``): a stale flag is neither shown nor searched.
    """
    found = PublicProfessional.objects.select_related("cpts", "commune")
    if filters.profession:
        found = found.filter(profession=filters.profession)
    if filters.department:
        found = found.filter(commune__department_id=filters.department)
    if filters.commune:
        found = found.filter(commune_id=filters.commune)
    if filters.language:
        found = found.filter(languages__contains=[filters.language])
    if filters.new_patients:
        found = found.filter(
            accepts_new_patients=True, new_patients_confirmed_on__gte=new_patients_fresh_since()
        )
    if filters.step_free:
        found = found.filter(step_free_access=True)
    return found.order_by("name", "pk")


def professionals_departments() -> QuerySet[Department]:
    """Departments where at least one professional is listed: the page's choice of departments."""
    listed = PublicProfessional.objects.values("commune__department_id")
    return Department.objects.filter(code__in=listed).order_by("code")


def professionals_communes(department: str) -> QuerySet[Commune]:
    """Communes of ``department`` where at least one professional is listed."""
    listed = PublicProfessional.objects.filter(commune__department_id=department).values("commune_id")
    return Commune.objects.filter(code__in=listed).order_by("search_name")


def professionals_map(filters: ProfessionalFilters) -> DepartmentMap:
    """The professionals found, counted by department, on the map of France (one query)."""
    counts = dict(
        network_professionals(filters)
        .order_by()
        .values_list("commune__department_id")
        .annotate(n=Count("pk"))
        .values_list("commune__department_id", "n")
    )
    return department_map(
        title="Professionnels trouvés, par département",
        values=counts,
        legend=COUNT_BANDS,
        label=lambda name, value: f"{name} : {professionals_count_label(int(value))}",
    )


def professionals_count_label(count: int) -> str:
    """« 0 professionnel trouvé », « 1 … », « 2 professionnels trouvés »: French keeps 0 singular."""
    plural = "s" if count > 1 else ""
    return f"{count} professionnel{plural} trouvé{plural}"
