"""The small-number rule: what the observatory does not show, and the reason it gives instead.

The rules follow the practice of French public statistics (the statistical
secrecy of the law n° 51-711 of 7 June 1951, as INSEE applies it to
establishments: no figure about fewer than three units, none where one unit
makes more than 85 % of it), and the usual small-cell rule of health data for
people:

1. **Professionals.** A CPTS's value built from fewer than
   ``MIN_PROFESSIONALS`` professionals (the value itself when the indicator
   counts professionals, or the number the CPTS gave with it) is never shown
   on its own: a few named people of a small territory could be recognised.
2. **CPTS.** A figure about an area (a department, a region, France) is shown
   only when at least ``MIN_CPTS`` CPTS report it, and its total only when no
   single CPTS makes more than ``DOMINANCE`` of it.
3. **Recomputation.** Where an area's CPTS are listed one by one (open data),
   an area holding exactly one value hidden by rule 1 does not show its total:
   the hidden value would be the total minus the others.

The same functions serve the pages, the API and the files, so they cannot
disagree.
"""

from __future__ import annotations

from decimal import Decimal

from django.utils.translation import gettext_lazy as _

MIN_PROFESSIONALS = 11
MIN_CPTS = 3
DOMINANCE = Decimal("0.85")

REASON_PROFESSIONALS = _("valeur construite sur moins de %(n)s professionnels") % {"n": MIN_PROFESSIONALS}
REASON_FEW_CPTS = _("moins de %(n)s CPTS ont partagé cette valeur") % {"n": MIN_CPTS}
REASON_DOMINANCE = _("une seule CPTS représente plus de 85 % du total")
REASON_RECOMPUTATION = _("une valeur masquée pourrait être recalculée à partir du total")


def hidden_alone(base: int | None) -> bool:
    """Rule 1: a value built from fewer than ``MIN_PROFESSIONALS`` professionals (``base``, if known)."""
    return base is not None and base < MIN_PROFESSIONALS


def value_hidden_reason(base: int | None) -> str:
    """Why a CPTS's value is not shown on its own ("" when it may be)."""
    return str(REASON_PROFESSIONALS) if hidden_alone(base) else ""


def cell_hidden_reason(
    values: list[Decimal], *, hidden_alone_count: int, summable: bool, listed_one_by_one: bool
) -> str:
    """Why an area's figures (count of CPTS aside) are not shown ("" when they may be).

    ``values``: the area's values, one per CPTS; ``hidden_alone_count``: how
    many of them rule 1 hides on their own. ``summable``: the indicator is a
    count, whose total is shown (rule 2's dominance applies to totals only).
    ``listed_one_by_one``: the area's shown values are also published per CPTS
    (open data), which makes rule 3 necessary.
    """
    if len(values) < MIN_CPTS:
        return str(REASON_FEW_CPTS)
    total = sum(values, Decimal(0))
    if summable and total > 0 and max(values) > DOMINANCE * total:
        return str(REASON_DOMINANCE)
    if listed_one_by_one and hidden_alone_count == 1:
        return str(REASON_RECOMPUTATION)
    return ""
