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


def public_copies_withdraw(cpts: CPTS) -> None:
    """Every copy of ``cpts`` removed from the public schema (an archived CPTS)."""
    for copy in _copies.values():
        copy.withdraw(cpts)
