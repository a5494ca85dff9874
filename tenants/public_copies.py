"""Public copies: what a CPTS publishes into the public schema, each declared once by its feature.

Network-wide reads never visit CPTS schemas: each feature that needs one
keeps a copy of a CPTS's data in the public schema (territory claims for
coverage, offers for the students' search, campaigns for the network's
listing). Each declares here, from its ``AppConfig.ready()``, how to rebuild
a CPTS's copy from its schema and how to withdraw it. The CPTS lifecycle
(archive, restore, import) goes through this registry only, so a new copy
(a members' directory, a network agenda) plugs in without touching tenants.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django_tenants.utils import schema_context

if TYPE_CHECKING:
    from tenants.models import CPTS


@dataclass(frozen=True)
class PublicCopy:
    name: str
    # Rewrites the copy of ``cpts`` from its own rows; called with its schema active.
    rebuild: Callable[[CPTS], object]
    # Removes the copy of ``cpts``; called in the public schema, before its row goes.
    withdraw: Callable[[CPTS], object]
    # Differences between ``cpts``'s rows and its copy, in words (empty: in step);
    # called with its schema active (check_public_copies).
    drift: Callable[[CPTS], list[str]] = lambda cpts: []
    # Network totals derived from every copy (coverage counters): their drift, and their
    # rewrite, checked once after every CPTS.
    totals_drift: Callable[[], list[str]] = lambda: []
    totals_rebuild: Callable[[], object] = lambda: None

    def rebuild_in_schema(self, cpts: CPTS) -> None:
        with schema_context(cpts.schema_name):
            self.rebuild(cpts)


def versions_drift(live: dict, copied: dict, *, items: str, copy: str) -> list[str]:
    """Rows (id → version) of a CPTS against their copy, in words: missing, extra, outdated.

    ``items`` names the rows (« offre(s) »), ``copy`` where the copy is (« la recherche »).
    """
    problems = []
    if missing := sorted(set(live) - set(copied)):
        problems.append(f"{len(missing)} {items} en ligne absente(s) de {copy} : {missing[:10]}")
    if extra := sorted(set(copied) - set(live)):
        problems.append(f"{len(extra)} {items} dans {copy} mais plus publiée(s) : {extra[:10]}")
    if outdated := sorted(k for k in set(live) & set(copied) if live[k] != copied[k]):
        problems.append(f"{len(outdated)} {items} dans une ancienne version dans {copy} : {outdated[:10]}")
    return problems


_copies: dict[str, PublicCopy] = {}


def public_copy_register(copy: PublicCopy) -> None:
    """Declare a copy (idempotent by name: ``ready()`` may run twice in tests)."""
    _copies[copy.name] = copy


def public_copies() -> list[PublicCopy]:
    return list(_copies.values())


def public_copies_rebuild(cpts: CPTS) -> None:
    """Every copy of ``cpts`` rewritten from its schema (a restored or imported CPTS)."""
    with schema_context(cpts.schema_name):
        for copy in _copies.values():
            copy.rebuild(cpts)


def public_copies_drift(cpts: CPTS) -> dict[str, list[str]]:
    """Each copy of ``cpts`` out of step with its rows, and how (its schema entered here)."""
    with schema_context(cpts.schema_name):
        found = {copy.name: copy.drift(cpts) for copy in _copies.values()}
    return {name: problems for name, problems in found.items() if problems}


def public_copies_withdraw(cpts: CPTS) -> None:
    """Every copy of ``cpts`` removed from the public schema (an archived CPTS)."""
    for copy in _copies.values():
        copy.withdraw(cpts)
