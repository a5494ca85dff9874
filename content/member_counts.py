"""Where a CPTS's member counts come from: its member records, or the figures typed by profession.

``content`` shows member counts (home page, governance) but sits below the app
that keeps members; that app registers here, from its ``AppConfig.ready()``,
a function giving accepted members by profession. A typed figure
(``ProfessionCount`` of kind « adhérents ») stays an override for its
profession: dated, with its source, for a CPTS that does not keep its members
here yet.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable

from django.utils import timezone

from .models.governance import ProfessionCount

_sources: list[Callable[[], dict[str, int]]] = []

COUNTED = "Adhérents enregistrés sur ce site"


def member_counts_source_register(source: Callable[[], dict[str, int]]) -> None:
    if source not in _sources:
        _sources.append(source)


def member_counts() -> list[ProfessionCount]:
    """Members by profession, as rows shaped like the typed figures (unsaved when counted)."""
    typed = {c.profession: c for c in ProfessionCount.objects.filter(kind=ProfessionCount.Kind.MEMBERS)}
    counted: dict[str, int] = {}
    for source in _sources:
        for profession, count in source().items():
            counted[profession] = counted.get(profession, 0) + count
    today: datetime.date = timezone.localdate()
    rows = dict(typed)
    for profession, count in counted.items():
        if profession not in typed:
            rows[profession] = ProfessionCount(
                kind=ProfessionCount.Kind.MEMBERS,
                profession=profession,
                count=count,
                as_of=today,
                source=COUNTED,
            )
    return sorted(rows.values(), key=lambda row: row.profession)
