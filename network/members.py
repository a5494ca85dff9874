"""The network's members by CPTS and profession, read from the public copy of each CPTS's counts."""

from __future__ import annotations

from dataclasses import dataclass, field

from tenants.models import CPTS
from tenants.vocabulary import Profession

from .models import MemberCount


@dataclass
class CPTSMembers:
    short_name: str
    name: str
    department: str
    by_profession: dict[str, int]

    @property
    def total(self) -> int:
        return sum(self.by_profession.values())


@dataclass
class NetworkMembers:
    cpts: list[CPTSMembers]
    by_profession: dict[str, int] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(self.by_profession.values())

    @property
    def professions(self) -> list[dict]:
        labels = dict(Profession.choices)
        return [
            {"profession": p, "label": str(labels.get(p, p)), "count": n}
            for p, n in sorted(self.by_profession.items(), key=lambda item: -item[1])
        ]


def network_members(*, region: str | None = None, department: str | None = None) -> NetworkMembers:
    """Accepted members of every CPTS (of a region or department), by profession: one query."""
    cpts = CPTS.objects.order_by("name")
    if region:
        cpts = cpts.filter(region_code=region)
    if department:
        cpts = cpts.filter(department_code=department)
    rows: dict[int, CPTSMembers] = {
        c.pk: CPTSMembers(c.short_name, c.name, c.department_code, {})
        for c in cpts.only("pk", "short_name", "name", "department_code")
    }
    totals: dict[str, int] = {}
    for cpts_id, profession, count in MemberCount.objects.filter(cpts_id__in=rows).values_list(
        "cpts_id", "profession", "count"
    ):
        rows[cpts_id].by_profession[profession] = count
        totals[profession] = totals.get(profession, 0) + count
    return NetworkMembers(cpts=[row for row in rows.values() if row.by_profession], by_profession=totals)
