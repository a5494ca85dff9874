"""Turning a list of communes as people write it into INSEE codes, without guessing.

Each line ends up *resolved* (one commune), *ambiguous* (several candidates,
the coordinator picks) or *unresolved* (closest names suggested). Nothing is
dropped and nothing is chosen on the coordinator's behalf.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from rapidfuzz import fuzz, process

from .models import Commune, CommuneAlias
from .names import normalize_name

CODE_RE = re.compile(r"^(?:\d{5}|2[AB]\d{3})$", re.IGNORECASE)
_DEPARTMENT_HINT = re.compile(r"\((\d{2,3}|2[AB])\)\s*$", re.IGNORECASE)
_POSTAL_HINT = re.compile(r"\b(\d{5})\b")
_SPLIT = re.compile(r"[\n;,\t|]+")


class Status:
    RESOLVED = "resolved"
    AMBIGUOUS = "ambiguous"
    UNRESOLVED = "unresolved"


@dataclass
class CommuneRef:
    code: str
    name: str
    department: str
    population: int

    @classmethod
    def of(cls, commune: Commune) -> CommuneRef:
        return cls(commune.code, commune.name, commune.department_id, commune.population)


@dataclass
class LineResolution:
    line: str
    status: str
    candidates: list[CommuneRef] = field(default_factory=list)
    # How a resolved line was read, when not by its current name.
    note: str = ""

    @property
    def commune(self) -> CommuneRef | None:
        return self.candidates[0] if self.status == Status.RESOLVED else None


# A territory counts tens of communes, rarely a few hundred: beyond these a
# list is a mistake (a whole department's export), and resolving it took
# seconds and answered megabytes.
MAX_IMPORT_ENTRIES = 1_000
MAX_IMPORT_BYTES = 200 * 1024


def decode_upload(data: bytes) -> str:
    """UTF-8 (with or without BOM) or, failing that, Windows-1252/Latin-1 exports."""
    if not data.strip():
        raise ValidationError(_("Le fichier est vide."))
    if len(data) > MAX_IMPORT_BYTES:
        raise ValidationError(
            _("Fichier trop volumineux (%(kb)d Ko) : %(max)d Ko au plus, soit une liste de communes.")
            % {"kb": len(data) // 1024, "max": MAX_IMPORT_BYTES // 1024}
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def split_entries(text: str) -> list[str]:
    """One entry per commune: lines, or cells separated by , ; | or tabs (CSV exports)."""
    entries = [part.strip().strip('"').strip() for part in _SPLIT.split(text)]
    return [e for e in entries if e and not e.startswith("#") and e.lower() not in _HEADERS]


_HEADERS = {"code", "code insee", "insee", "codgeo", "commune", "communes", "nom", "libelle"}


def _current(qs):
    return qs.filter(is_current=True).select_related("department")


def _by_code(code: str) -> list[Commune]:
    code = code.upper()
    found = list(_current(Commune.objects.filter(code=code)))
    if found:
        return found
    ids = CommuneAlias.objects.filter(code=code).values_list("commune_id", flat=True)
    return list(_current(Commune.objects.filter(code__in=ids)))


def _by_name(normalized: str) -> tuple[list[Commune], str]:
    direct = list(_current(Commune.objects.filter(search_name=normalized)))
    aliases = list(CommuneAlias.objects.filter(search_name=normalized).select_related("commune__department"))
    via_alias = [a.commune for a in aliases if a.commune.is_current and a.commune not in direct]
    note = ""
    if via_alias and not direct:
        alias = aliases[0]
        note = _("ancien nom (%(kind)s), aujourd'hui %(name)s") % {
            "kind": alias.get_kind_display(),
            "name": alias.commune.name,
        }
    return direct + via_alias, note


def _narrow(candidates: list[Commune], departments: set[str]) -> list[Commune]:
    if len(candidates) > 1 and departments:
        within = [c for c in candidates if c.department_id in departments]
        if within:
            return within
    return candidates


def _suggest(normalized: str, departments: set[str], limit: int = 3) -> list[Commune]:
    pool = Commune.objects.filter(is_current=True)
    if departments:
        pool = pool.filter(department_id__in=departments)
    names = dict(pool.values_list("code", "search_name"))
    best = process.extract(normalized, names, scorer=fuzz.WRatio, limit=limit, score_cutoff=70)
    codes = [code for _name, _score, code in best]
    found = {c.code: c for c in _current(Commune.objects.filter(code__in=codes))}
    return [found[code] for code in codes if code in found]


def resolve_entry(entry: str, departments: set[str]) -> list[LineResolution]:
    """Resolve one entry; an entry of two names run together gives two results."""
    text = entry.strip()
    if CODE_RE.match(text):
        found = _by_code(text)
        if found:
            return [LineResolution(entry, Status.RESOLVED, [CommuneRef.of(found[0])])]
        return [LineResolution(entry, Status.UNRESOLVED, note=_("code INSEE inconnu"))]

    hints = set(departments)
    if match := _DEPARTMENT_HINT.search(text):
        hints = {match.group(1).upper().zfill(2)}
        text = text[: match.start()].strip()
    postal = None
    if match := _POSTAL_HINT.search(text):
        postal = match.group(1)
        text = (text[: match.start()] + text[match.end() :]).strip()

    normalized = normalize_name(text)
    candidates, note = _by_name(normalized)
    if postal:
        candidates = [c for c in candidates if postal in c.postal_codes] or candidates
    candidates = _narrow(candidates, hints)
    if len(candidates) == 1:
        return [LineResolution(entry, Status.RESOLVED, [CommuneRef.of(candidates[0])], note)]
    if candidates:
        refs = sorted((CommuneRef.of(c) for c in candidates), key=lambda r: -r.population)
        return [LineResolution(entry, Status.AMBIGUOUS, refs)]

    split = _split_two(normalized, hints, entry)
    if split:
        return split
    suggestions = [CommuneRef.of(c) for c in _suggest(normalized, hints)]
    return [LineResolution(entry, Status.UNRESOLVED, suggestions)]


def _split_two(normalized: str, departments: set[str], entry: str) -> list[LineResolution]:
    tokens = normalized.split()
    for cut in range(1, len(tokens)):
        left, _left_note = _by_name(" ".join(tokens[:cut]))
        right, _right_note = _by_name(" ".join(tokens[cut:]))
        left, right = _narrow(left, departments), _narrow(right, departments)
        if len(left) == 1 and len(right) == 1:
            note = _("deux communes sur une ligne")
            return [
                LineResolution(entry, Status.RESOLVED, [CommuneRef.of(left[0])], note),
                LineResolution(entry, Status.RESOLVED, [CommuneRef.of(right[0])], note),
            ]
    return []


def resolve_communes(text: str, *, departments: set[str] | None = None) -> list[LineResolution]:
    """Resolve every entry of a pasted list or an uploaded file's text."""
    if len(text.encode("utf-8")) > MAX_IMPORT_BYTES:
        raise ValidationError(_("Texte trop long : %(max)d Ko au plus.") % {"max": MAX_IMPORT_BYTES // 1024})
    entries = split_entries(text)
    if not entries:
        raise ValidationError(_("Aucune commune trouvée dans le texte fourni."))
    if len(entries) > MAX_IMPORT_ENTRIES:
        raise ValidationError(
            _(
                "%(n)d communes dans la liste : %(max)d au plus par import. "
                "Importez-la en plusieurs fois, par département par exemple."
            )
            % {"n": len(entries), "max": MAX_IMPORT_ENTRIES}
        )
    results: list[LineResolution] = []
    for entry in entries:
        results.extend(resolve_entry(entry, departments or set()))
    return results


def commune_find(text: str) -> Commune | None:
    """The one commune a person means by a name, a postal code or an INSEE code, or None.

    Where several share the name or postal code (two Marly), the most populous
    is the one people mean without saying more; « Marly (59) » picks the other.
    """
    text = text.strip()
    hint = _DEPARTMENT_HINT.search(text)
    departments = {hint.group(1).upper()} if hint else set()
    text = _DEPARTMENT_HINT.sub("", text).strip()
    if CODE_RE.match(text):
        candidates = _by_code(text) or list(_current(Commune.objects.filter(postal_codes__contains=[text])))
    else:
        candidates = _by_name(normalize_name(text))[0]
    if departments:
        candidates = [c for c in candidates if c.department_id in departments]
    return max(candidates, key=lambda c: c.population, default=None)
