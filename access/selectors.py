"""« Trouver ma CPTS »: the communes a visitor means, and the CPTS covering each, from public tables only.

No CPTS schema is visited: the communes are the reference data, the covered
units of each CPTS are ``network.UnitClaim`` (kept by ``network.coverage`` in
the transaction of every territory edit), hosts are ``tenants.Domain`` and
adhésion and « Soins non programmés » pages their public copies
(``AdhesionPageCopy``, ``UnscheduledCarePageCopy``).

A commune is found by its INSEE code, a former code, a postal code (which may
name several communes: the visitor chooses), its name or a former name or a
commune déléguée's, in the normal form of ``network.names`` (accents, case,
hyphens, « St », « lès »/« les » do not matter), narrowed by « (57) » or a
postal code written beside it. A name found nowhere gives the closest names
to choose from, never a guess (``access.commune_names``). Paris, Lyon and
Marseille are covered by arrondissement: the city gives its arrondissements.

Overlaps: every CPTS whose territory covers the commune (its unit) is listed,
by name; none is preferred. A commune in no CPTS gets its region's ARS and the
network's CPTS whose territory reaches its department.

Queries: one for the communes with their CPTS (``access.commune_rows``: one
JSON aggregate per commune), one more to expand a city into its
arrondissements, one more for the CPTS of the departments of communes in no
CPTS. A misspelt name costs one query to miss, then the suggestions are read
with their CPTS.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from django.db.models import OuterRef, Q, Subquery

from network.models import CommuneAlias
from network.names import normalize_name
from tenants.models import CPTS, Domain, Stage
from tenants.services import public_url

from .ars import regional_agency
from .commune_names import closest_communes
from .commune_rows import CommuneRow, commune_rows

MAX_QUERY_LENGTH = 100
# The most communes sharing a postal code is 46 (51300); homonyms, 12.
MAX_COMMUNES = 60
MAX_SUGGESTIONS = 5
CODE_RE = re.compile(r"^(?:\d{5}|2[AB]\d{3})$", re.IGNORECASE)
_DEPARTMENT_HINT = re.compile(r"\(\s*(\d{2,3}|2[AB])\s*\)\s*$", re.IGNORECASE)
_POSTAL_HINT = re.compile(r"\b(\d{5})\b")


class Status:
    FOUND = "found"  # one commune
    SEVERAL = "several"  # a postal code or a name shared: the visitor chooses
    SUGGESTIONS = "suggestions"  # no such name: the closest ones
    NONE = "none"


class MatchedBy:
    INSEE_CODE = "insee_code"
    POSTAL_CODE = "postal_code"
    FORMER_CODE = "former_code"
    NAME = "name"
    FORMER_NAME = "former_name"
    SUGGESTION = "suggestion"
    ARRONDISSEMENT = "arrondissement"


@dataclass(frozen=True)
class CPTSAnswer:
    short_name: str
    name: str
    stage: str
    stage_label: str
    site_url: str | None
    # Only where the CPTS has a live, public « Adhésion » page.
    adhesion_url: str | None = None
    # Only where it has a live, public « Soins non programmés » page.
    unscheduled_care_url: str | None = None


@dataclass(frozen=True)
class Fallback:
    """Who to turn to for a commune in no CPTS."""

    ars_name: str | None
    ars_url: str | None
    department_cpts: list[CPTSAnswer] = field(default_factory=list)


@dataclass
class CommuneAnswer:
    code: str
    name: str
    kind: str
    department: str
    department_name: str
    region: str
    postal_codes: list[str]
    population: int
    matched_by: str
    note: str
    cpts: list[CPTSAnswer]
    fallback: Fallback | None = None
    # A city covered by arrondissement is no unit; an arrondissement names its city.
    is_unit: bool = True
    parent: str | None = None


@dataclass
class FindMyCPTS:
    query: str
    status: str
    communes: list[CommuneAnswer]

    @property
    def commune(self) -> CommuneAnswer | None:
        return self.communes[0] if self.status == Status.FOUND else None


def _site_url(frontend_url: str, host: str | None) -> str | None:
    if frontend_url:
        return frontend_url
    return public_url(host) if host else None


def _page_url(host: str | None, path: str | None) -> str | None:
    return public_url(host, path) if host and path else None


def _stage_label(stage: str) -> str:
    return str(Stage(stage).label) if stage in Stage.values else stage


def _primary_host(cpts_ref: str) -> Subquery:
    return Subquery(Domain.objects.filter(tenant_id=OuterRef(cpts_ref), is_primary=True).values("domain")[:1])


def _cpts_answers(rows: list[dict] | None) -> list[CPTSAnswer]:
    return [
        CPTSAnswer(
            short_name=row["short_name"],
            name=row["name"],
            stage=row["stage"],
            stage_label=_stage_label(row["stage"]),
            site_url=_site_url(row["frontend_url"], row["host"]),
            adhesion_url=_page_url(row["host"], row.get("adhesion_path")),
            unscheduled_care_url=_page_url(row["host"], row.get("unscheduled_care_path")),
        )
        for row in rows or []
    ]


def _answer(row: CommuneRow, matched_by: str, note: str = "") -> CommuneAnswer:
    return CommuneAnswer(
        code=row.code,
        name=row.name,
        kind=row.kind,
        department=row.department,
        department_name=row.department_name,
        region=row.region,
        postal_codes=list(row.postal_codes),
        population=row.population,
        matched_by=matched_by,
        note=note,
        cpts=_cpts_answers(row.covering),
        is_unit=row.is_unit,
        parent=row.parent,
    )


def _alias_note(row: CommuneRow) -> str:
    """« commune déléguée, aujourd'hui Ancy-Dornot »: how a former name or code was read."""
    if row.alias_kind == CommuneAlias.Kind.FORMER_CODE:
        kind = "ancien code INSEE"
    else:
        kind = str(dict(CommuneAlias.Kind.choices).get(row.alias_kind, "ancien nom"))
    return f"{kind}, aujourd'hui {row.name}"


def _by_code(code: str, department: str | None) -> list[CommuneAnswer]:
    rows = commune_rows(by="code", code=code, department=department, limit=MAX_COMMUNES)
    answers = []
    # Postal codes first: people know theirs better than an INSEE code they may share.
    for row in sorted(rows, key=lambda r: (r.code == code, -r.population, r.code)):
        if row.code == code:
            answers.append(_answer(row, MatchedBy.INSEE_CODE))
        elif code in row.postal_codes:
            answers.append(_answer(row, MatchedBy.POSTAL_CODE))
        else:
            answers.append(_answer(row, MatchedBy.FORMER_CODE, f"{code} : {_alias_note(row)}"))
    return answers


def _by_name(text: str, department: str | None) -> tuple[list[CommuneAnswer], str]:
    postal = None
    if match := _POSTAL_HINT.search(text):
        postal = match.group(1)
        text = (text[: match.start()] + text[match.end() :]).strip()
    normalized = normalize_name(text)
    if not normalized:
        return [], ""
    rows = commune_rows(by="name", name=normalized, department=department, limit=MAX_COMMUNES)
    if 1 < len(rows) < MAX_COMMUNES:
        # « montigny » names five communes Montigny, and Montigny-lès-Metz may be the one meant:
        # the names it begins follow the exact ones, the most populous first. One exact name
        # (« Metz », « Nancy ») is the commune meant, not Metz-le-Comte or Nancy-sur-Cluses; none
        # is a typo, for the suggestions.
        found = {row.code for row in rows}
        prefix = normalized.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + " %"
        starting = commune_rows(by="name_start", prefix=prefix, department=department, limit=MAX_COMMUNES)
        rows += [row for row in starting if row.code not in found][: MAX_COMMUNES - len(rows)]
    if postal:
        rows = [r for r in rows if postal in r.postal_codes] or rows
    answers = [
        _answer(row, MatchedBy.NAME)
        if row.search_name == normalized or row.search_name.startswith(f"{normalized} ")
        else _answer(row, MatchedBy.FORMER_NAME, f"{row.alias_name} : {_alias_note(row)}")
        for row in rows
    ]
    return answers, normalized


def _suggestions(normalized: str, department: str | None) -> list[CommuneAnswer]:
    codes = closest_communes(
        normalized, departments={department} if department else set(), limit=MAX_SUGGESTIONS
    )
    if not codes:
        return []
    rows = commune_rows(by="codes", codes=codes, order="given", limit=MAX_SUGGESTIONS)
    return [_answer(row, MatchedBy.SUGGESTION) for row in rows]


def _arrondissements(answers: list[CommuneAnswer]) -> list[CommuneAnswer]:
    """A city covered by arrondissement (Paris, Lyon, Marseille) stands for its arrondissements."""
    cities = {a.code for a in answers if not a.is_unit}
    if not cities:
        return answers
    # A postal code of one arrondissement names its city too: the arrondissement is the answer.
    named = {a.parent for a in answers if a.parent in cities}
    answers = [a for a in answers if a.code not in named]
    cities -= named
    if not cities:
        return answers
    rows = commune_rows(by="parents", parents=sorted(cities), order="code", limit=MAX_COMMUNES)
    return [a for a in answers if a.code not in cities] + [
        _answer(row, MatchedBy.ARRONDISSEMENT, f"arrondissement de {row.parent_name}") for row in rows
    ]


def _fallbacks(answers: list[CommuneAnswer]) -> None:
    """Fill who to turn to for each commune in no CPTS: its ARS, the CPTS reaching its department."""
    uncovered = [a for a in answers if not a.cpts]
    if not uncovered:
        return
    departments = sorted({a.department for a in uncovered})
    rows = (
        CPTS.objects.filter(
            Q(territory_departments__overlap=departments)
            | Q(territory_communes=0, department_code__in=departments)
        )
        .annotate(host=_primary_host("pk"))
        .order_by("name", "short_name")
        .values_list(
            "short_name", "name", "stage", "frontend_url", "host", "territory_departments", "department_code"
        )
    )
    by_department: dict[str, list[CPTSAnswer]] = {}
    for short_name, name, stage, frontend_url, host, reached, home in rows:
        answer = CPTSAnswer(short_name, name, stage, _stage_label(stage), _site_url(frontend_url, host))
        for department in set(reached or [home]) & set(departments):
            by_department.setdefault(department, []).append(answer)
    for answer in uncovered:
        agency = regional_agency(answer.region)
        answer.fallback = Fallback(
            ars_name=agency.name if agency else None,
            ars_url=agency.url if agency else None,
            department_cpts=by_department.get(answer.department, []),
        )


def find_my_cpts(*, query: str = "", commune: str = "") -> FindMyCPTS:
    """The communes ``query`` names and the CPTS covering each; ``commune``, an INSEE code, picks one."""
    text = " ".join(query.split())[:MAX_QUERY_LENGTH]
    query = text
    suggested = False
    if commune:
        rows = commune_rows(by="codes", codes=[commune.upper()], order="given", limit=1)
        answers = [_answer(row, MatchedBy.INSEE_CODE) for row in rows]
    else:
        department = None
        if match := _DEPARTMENT_HINT.search(text):
            department = match.group(1).upper().zfill(2)
            text = text[: match.start()].strip()
        if CODE_RE.match(text):
            answers = _by_code(text.upper(), department)
        else:
            answers, normalized = _by_name(text, department)
            if not answers and normalized:
                answers, suggested = _suggestions(normalized, department), True
    answers = _arrondissements(answers)
    if suggested and answers:
        status = Status.SUGGESTIONS
    else:
        status = {0: Status.NONE, 1: Status.FOUND}.get(len(answers), Status.SEVERAL)
    _fallbacks(answers)
    return FindMyCPTS(query=query, status=status, communes=answers)
