"""The closest commune names to a misspelt one, from a copy of the names kept by each process.

Exact names, postal codes and codes are found by PostgreSQL, on its indexes.
A typo needs every name compared (``pg_trgm`` is missing from the embedded
server), and reading the 35,000 names and 6,800 former names at each search
took longer than the whole answer may: they are read once per process and
read again when the loaded reference data changes, which is checked at most
once a minute (a new edition of the reference data is loaded once a year).

Names are compared with ``fuzz.ratio`` on their normal form
(``network.names``): « montigni les metz » → « montigny les metz » (94).
``network.resolution`` suggests with ``WRatio``, which also scores a name
contained in the text (« metz » 90 for « montigni les metz ») and takes
30–40 ms over every name, against 2–4 ms here.
"""

from __future__ import annotations

import threading
import time

from django.db.models import Max
from rapidfuzz import fuzz, process

from network.models import Commune, CommuneAlias, ReferenceDataset

CHECK_EVERY_SECONDS = 60
SCORE_CUTOFF = 80


class _Names:
    def __init__(self) -> None:
        self.names: list[str] = []
        self.codes: list[str] = []
        self.departments: list[str] = []
        self.version: object = object()
        self.checked_at = float("-inf")
        self.lock = threading.Lock()

    def ensure(self) -> None:
        now = time.monotonic()
        if now - self.checked_at < CHECK_EVERY_SECONDS:
            return
        version = ReferenceDataset.objects.aggregate(at=Max("loaded_at"))["at"]
        with self.lock:
            self.checked_at = now
            if version == self.version:
                return
            rows = list(
                Commune.objects.filter(is_current=True).values_list("search_name", "code", "department_id")
            )
            rows += (
                CommuneAlias.objects.filter(commune__is_current=True)
                .exclude(search_name="")
                .values_list("search_name", "commune_id", "commune__department_id")
            )
            self.names = [row[0] for row in rows]
            self.codes = [row[1] for row in rows]
            self.departments = [row[2] for row in rows]
            self.version = version

    def forget(self) -> None:
        with self.lock:
            self.version, self.checked_at = object(), float("-inf")


_names = _Names()


def closest_communes(normalized: str, *, departments: set[str], limit: int = 5) -> list[str]:
    """INSEE codes of the current communes whose name (or a former name) is closest, best first."""
    _names.ensure()
    found = process.extract(
        normalized, _names.names, scorer=fuzz.ratio, limit=limit * 10, score_cutoff=SCORE_CUTOFF
    )
    codes: list[str] = []
    for _name, _score, index in found:
        code = _names.codes[index]
        if code not in codes and (not departments or _names.departments[index] in departments):
            codes.append(code)
    return codes[:limit]


def commune_names_forget() -> None:
    """Read the names again at the next search (tests that load other reference data)."""
    _names.forget()
