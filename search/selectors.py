"""Reads of the students' search: one call, whichever engine, never a CPTS schema visited."""

from __future__ import annotations

import datetime
import math
from dataclasses import dataclass, field

from django.conf import settings
from django.utils import timezone, translation

from network.commune_maps import commune_point, communes_within, distance_km
from network.models import Commune, Department, Region
from tenants.models import CPTS
from tenants.vocabulary import Discipline, StudyLevel

from .backends import FACETS, InternshipQuery, Sort, get_backend
from .lexicon import interpret
from .models import InternshipListing
from .text import query_words

# Values listed per facet (the CPTS facet alone could list a thousand).
FACET_VALUES_MAX = 50


@dataclass(frozen=True)
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool


@dataclass
class InternshipResults:
    query: str
    words: list[str]
    corrections: dict[str, str]
    count: int
    page: int
    page_size: int
    page_size_capped: bool
    hits: list[InternshipListing]
    facets: dict[str, list[FacetValue]] = field(default_factory=dict)
    sort: str = Sort.RELEVANCE
    # Every department's count (the facet lists only the most frequent): the students' map.
    department_counts: dict[str, int] = field(default_factory=dict)
    # « à moins de 30 km de Nancy (54) » when the search was by distance.
    distance: str = ""

    @property
    def pages(self) -> int:
        return max(1, math.ceil(self.count / self.page_size))


def _with_distance(listing: InternshipListing, near: str | None) -> InternshipListing:
    origin, there = (commune_point(near), commune_point(listing.commune_id)) if near else (None, None)
    listing.distance_km = round(distance_km(origin, there)) if origin and there else None
    return listing


def _labels(name: str, values: list[str]) -> dict[str, str]:
    if name == "discipline":
        return {v: str(Discipline(v).label) for v in values if v in Discipline.values}
    if name == "level":
        return {v: str(StudyLevel(v).label) for v in values if v in StudyLevel.values}
    if name == "region":
        return dict(Region.objects.filter(code__in=values).values_list("code", "name"))
    if name == "department":
        departments = Department.objects.filter(code__in=values).values_list("code", "name")
        return {code: f"{department} ({code})" for code, department in departments}
    if name == "cpts":
        return dict(CPTS.objects.filter(short_name__in=values).values_list("short_name", "name"))
    return {
        "true": str(translation.gettext("avec logement")),
        "false": str(translation.gettext("sans logement")),
    }


def internship_search(
    *,
    q: str = "",
    discipline: str | None = None,
    level: str | None = None,
    region: str | None = None,
    department: str | None = None,
    cpts: str | None = None,
    housing: bool | None = None,
    near: str | None = None,
    within: int | None = None,
    start: datetime.date | None = None,
    end: datetime.date | None = None,
    sort: str = Sort.RELEVANCE,
    page: int = 1,
    page_size: int | None = None,
) -> InternshipResults:
    """Open offers of the whole network matching a student's words and filters, with facet counts.

    Expired (ended before today) and filled offers are never found. ``page_size``
    over INTERNSHIP_PAGE_SIZE_MAX is capped, and the result says so. ``near``
    (an INSEE code) and ``within`` (km) keep the offers of the communes whose
    point is that close as the crow flies, and give each hit its distance.
    """
    requested = page_size or settings.INTERNSHIP_PAGE_SIZE
    page_size = max(1, min(requested, settings.INTERNSHIP_PAGE_SIZE_MAX))
    page = max(1, page)
    interpretation = interpret(query_words(q))
    selected = {
        "discipline": discipline,
        "level": level,
        "region": region,
        "department": department,
        "cpts": cpts,
        "housing": None if housing is None else ("true" if housing else "false"),
    }
    found = get_backend().search(
        InternshipQuery(
            words=tuple(interpretation.words),
            discipline=discipline,
            level=level,
            region=region,
            department=department,
            cpts=cpts,
            housing=housing,
            communes=communes_within(near, within or 30) if near else None,
            start=start,
            end=end,
            sort=sort,
            offset=(page - 1) * page_size,
            limit=page_size,
            today=timezone.localdate(),
        )
    )
    listings = InternshipListing.objects.select_related("cpts", "commune", "commune__department").in_bulk(
        found.ids
    )
    facets = {}
    for name in FACETS:
        counts = found.facets.get(name, {})
        # The most frequent values, and the selected one wherever it ranks.
        kept = sorted(counts, key=lambda value: (-counts[value], value))[:FACET_VALUES_MAX]
        if selected[name] in counts and selected[name] not in kept:
            kept.append(selected[name])
        labels = _labels(name, kept)
        facets[name] = sorted(
            (
                FacetValue(
                    value=value,
                    label=labels.get(value, value),
                    count=counts[value],
                    selected=selected[name] == value,
                )
                for value in kept
            ),
            key=lambda f: (-f.count, f.label),
        )
    return InternshipResults(
        query=q,
        words=interpretation.words,
        corrections=interpretation.corrections,
        count=found.count,
        page=page,
        page_size=page_size,
        page_size_capped=requested > page_size,
        hits=[_with_distance(listings[i], near) for i in found.ids if i in listings],
        facets=facets,
        sort=sort,
        department_counts=dict(found.facets.get("department", {})),
        distance=_distance_label(near, within or 30) if near else "",
    )


def _distance_label(code: str, km: int) -> str:
    commune = Commune.objects.filter(code=code).values_list("name", "department_id").first()
    return f"à moins de {km} km de {commune[0]} ({commune[1]})" if commune else ""
