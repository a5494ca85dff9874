"""Where imported pages go in the tree: parents before their children, each under a free slug."""

from __future__ import annotations

from wagtail.models import Page

from .report import ReportLine
from .sources import SourceItem


def parents_first(items: list[SourceItem]) -> list[SourceItem]:
    """Pages ordered so that a parent comes before its children, siblings by their menu order.

    A page in a loop of parents (its own parent, or A under B under A, which a
    hand-edited export may hold) is placed as if it had none: no page is left out.
    """
    keys = {item.key for item in items}
    children: dict[str | None, list[SourceItem]] = {}
    for item in items:
        children.setdefault(item.parent_key if item.parent_key in keys else None, []).append(item)
    ordered: list[SourceItem] = []
    placed: set[str] = set()

    def rank(item: SourceItem) -> tuple[int, str]:
        return item.order, item.title

    for root in [*sorted(children.get(None, []), key=rank), *sorted(items, key=rank)]:
        stack = [root]
        while stack:
            item = stack.pop()
            if item.key in placed:
                continue
            placed.add(item.key)
            ordered.append(item)
            stack.extend(sorted(children.get(item.key, []), key=rank, reverse=True))
    return ordered


def free_slug(parent: Page, slug: str, line: ReportLine) -> str:
    taken = set(parent.get_children().values_list("slug", flat=True))
    if slug not in taken:
        return slug
    number = 2
    while f"{slug}-{number}" in taken:
        number += 1
    line.notes.append(f"l'adresse « {slug} » était prise : page publiée sous « {slug}-{number} »")
    return f"{slug}-{number}"
